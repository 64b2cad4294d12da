// The edge flavour: core linked with the valibot schemas, the runtime's global
// fetch, and nothing from Node. `createBaseClient` and `createClient` are
// core's (valibot-linked); the global fetch needs no preset.
import type { ApiVersion, DefaultApiVersion, PhalaCloudClient } from "@phala/cloud-core/valibot";

export * from "@phala/cloud-core/valibot";
export * from "@phala/cloud-schemas/valibot";

/** The client `createClient` returns: every action bound as a method, typed by version V. */
export type PhalaCloudEdgeClient<V extends ApiVersion = DefaultApiVersion> = PhalaCloudClient<V>;
