export * from "@phala/cloud-core";
// Every schema type, and the schemas only as types: importing the adapter does
// not build every zod schema; `@phala/cloud-node/schemas` exports them.
export type * from "@phala/cloud-schemas/types";
// Named exports shadow the core's `createBaseClient` from the star export above.
export {
  allActions,
  createBaseClient,
  createClient,
  type NodeAdapterOptions,
  type NodeClientConfig,
  type PhalaCloudClient,
} from "./create-client";
export { createNodeFetch, type NodeFetch, type NodeFetchOptions } from "./node-fetch";
