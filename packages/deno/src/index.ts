export * from "@phala/cloud-core";
// Every schema type, and the schemas only as types: importing the adapter does
// not build every zod schema; `@phala/cloud-deno/schemas` exports them.
export type * from "@phala/cloud-schemas/types";
export {
  allActions,
  createBaseClient,
  createClient,
  type DenoAdapterOptions,
  type PhalaCloudClient,
} from "./create-client";
export {
  createDenoFetch,
  type DenoFetch,
  type DenoFetchOptions,
  type DenoHttpClient,
  type DenoProxyOptions,
} from "./deno-fetch";
