// The edge flavour: core linked with the valibot schemas, the runtime's global
// fetch, and nothing from Node. `createBaseClient` is core's (valibot-linked).
export * from "@phala/cloud-core/valibot";
export * from "@phala/cloud-schemas/valibot";
export { createClient, type PhalaCloudEdgeClient } from "./create-client";
