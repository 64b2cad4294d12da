// Cloudflare Workers entry. Configure with bindings: the secret
// PHALA_CLOUD_API_KEY (real API), and/or the variable PHALA_CLOUD_API_PREFIX
// (another endpoint, e.g. a mock API reachable from the Worker). The mock cannot
// run inside a Worker, so with neither set the API routes answer 503.

import type { Hono } from "hono";
import { createBaseClient } from "#sdk";
import { createStatusApp } from "./app";
import { describeTarget, resolveApiTarget, type ServerEnv } from "./config";

let cached: { key: string; app: Hono } | undefined;

/** One app per configuration: bindings do not change within an isolate, so this is built once. */
function appFor(env: ServerEnv): Hono | undefined {
  const target = resolveApiTarget(env);
  if (target.kind === "embedded-mock") return undefined;
  const key = `${target.apiKey}\n${target.baseURL ?? ""}`;
  if (cached?.key !== key) {
    const client = createBaseClient({ apiKey: target.apiKey, baseURL: target.baseURL });
    cached = {
      key,
      app: createStatusApp({ client, source: describeTarget(target), secrets: [target.apiKey] }),
    };
  }
  return cached.app;
}

export default {
  fetch(request: Request, env: ServerEnv = {}): Response | Promise<Response> {
    const app = appFor(env);
    if (app) return app.fetch(request);
    if (new URL(request.url).pathname === "/healthz") return Response.json({ ok: true });
    return Response.json(
      {
        error: {
          name: "ConfigurationError",
          message:
            "Set the PHALA_CLOUD_API_KEY secret (real API) or PHALA_CLOUD_API_PREFIX (a mock API URL)",
        },
      },
      { status: 503 },
    );
  },
};
