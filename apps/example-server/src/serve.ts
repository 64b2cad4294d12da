// What the Node and Deno entries share: from the environment's two variables to
// a ready status app, starting the mock API in process when neither is set.
import { createBaseClient } from "#sdk";
import { createStatusApp } from "./app";
import { describeTarget, resolveApiTarget, type ServerEnv } from "./config";

export interface StatusServer {
  app: ReturnType<typeof createStatusApp>;
  /** Where the app's client points, for the start-up line; never the key. */
  description: string;
  /** Stops the embedded mock API, if one was started. */
  close(): Promise<void>;
}

export async function prepareStatusServer(env: ServerEnv): Promise<StatusServer> {
  const target = resolveApiTarget(env);
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
  const description = describeTarget(target, mock?.url);
  const client = createBaseClient({ apiKey, baseURL });
  const app = createStatusApp({ client, source: description, secrets: [apiKey] });
  return { app, description, close: async () => mock?.close() };
}
