// Node entry: `node dist/node.js` (built by `pnpm build`). With no
// PHALA_CLOUD_API_KEY and no PHALA_CLOUD_API_PREFIX it starts the mock API in
// this process, so the status page works with nothing configured.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createBaseClient } from "#sdk";
import { createStatusApp } from "./app";
import { describeTarget, resolveApiTarget } from "./config";

const target = resolveApiTarget(process.env);
let mock: { url: string; close(): Promise<void> } | undefined;
let apiKey: string;
let baseURL: string | undefined;
if (target.kind === "embedded-mock") {
  // Loaded only when used: with a key, the mock is never imported.
  const { SEED, startMockApi } = await import("@phala/cloud-mock-api");
  mock = await startMockApi();
  apiKey = SEED.apiKeys.demo;
  baseURL = mock.url;
} else {
  apiKey = target.apiKey;
  baseURL = target.baseURL;
}

const client = createBaseClient({ apiKey, baseURL });
const app = createStatusApp({
  client,
  source: describeTarget(target, mock?.url),
  secrets: [apiKey],
});

const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const server = serve(
  { fetch: app.fetch, hostname, port, overrideGlobalObjects: false },
  (info: AddressInfo) => {
    const host = info.address.includes(":") ? `[${info.address}]` : info.address;
    console.log(
      `CVM status page on http://${host}:${info.port}/ (${describeTarget(target, mock?.url)})`,
    );
  },
);

let stopping = false;
function stop(signal: string): void {
  if (stopping) process.exit(130);
  stopping = true;
  console.log(`Received ${signal}, shutting down`);
  server.close();
  (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  void (mock?.close() ?? Promise.resolve()).then(
    () => {
      process.exitCode = 0;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
