export * from "@phala/cloud-core";
export * from "@phala/cloud-schemas";
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
