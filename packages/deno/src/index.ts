export * from "@phala/cloud-core";
export * from "@phala/cloud-schemas";
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
