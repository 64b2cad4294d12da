// The SDK entries that exist in Node, for the fault matrix. workerd (Miniflare)
// and Deno run the conformance suite (src/conformance-workerd.test.ts,
// src/conformance-deno.test.ts); the fault matrix needs the mock's raw Node
// sockets (drop, hang) in the same process, so it runs in Node only.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Cloud from "@phala/cloud";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** What the matrix uses of an SDK entry: the client factory and the error classes. */
export type Sdk = Pick<
  typeof Cloud,
  | "createClient"
  | "PhalaCloudError"
  | "APIError"
  | "RateLimitError"
  | "InternalServerError"
  | "ServiceUnavailableError"
  | "APIConnectionError"
  | "APIConnectionTimeoutError"
  | "ResponseValidationError"
  | "ResponseTooLargeError"
>;

export type ErrorName = Exclude<keyof Sdk, "createClient">;

export interface Adapter {
  name: string;
  /** How the entry is loaded and which fetch it calls. */
  via: string;
  /** True when this entry calls the runtime's global `fetch`. */
  globalFetch: boolean;
  built: boolean;
  load(): Promise<Sdk>;
}

// `@phala/cloud` under Node's `node` condition IS the undici adapter (its
// dist/node.js re-exports `@phala/cloud-node`). The global-fetch build is the
// default-condition entry (what bundlers and workers get): load it by path.
const CLOUD_DEFAULT_ENTRY = join(ROOT, "packages/cloud/dist/index.js");
const CLOUD_NODE_ENTRY = join(ROOT, "packages/node/dist/index.js");

export const ADAPTERS: readonly Adapter[] = [
  {
    name: "@phala/cloud",
    via: "default condition (packages/cloud/dist/index.js): global fetch",
    globalFetch: true,
    built: existsSync(CLOUD_DEFAULT_ENTRY),
    load: async () =>
      (await import(/* @vite-ignore */ pathToFileURL(CLOUD_DEFAULT_ENTRY).href)) as Sdk,
  },
  {
    name: "@phala/cloud-node",
    via: "createClient: undici keep-alive pool",
    globalFetch: false,
    built: existsSync(CLOUD_NODE_ENTRY),
    load: async () => (await import("@phala/cloud-node")) as unknown as Sdk,
  },
];
