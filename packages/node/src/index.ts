export * from "@phala/cloud-core";
// Every schema type, and the schemas only as types: importing the adapter does
// not build every zod schema; `@phala/cloud-node/schemas` exports them.
export type * from "@phala/cloud-schemas/types";
// Core's two factories with the Node preset applied (`withRuntime`): these
// named exports take the place of core's from the star export above.
export {
  createBaseClient,
  createClient,
  type NodeAdapterOptions,
  type NodeClientConfig,
  nodeRuntime,
} from "./create-client";
export { createNodeFetch, type NodeFetch, type NodeFetchOptions } from "./node-fetch";
