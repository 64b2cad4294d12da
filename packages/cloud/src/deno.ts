// `@phala/cloud` under the `deno` condition: the same API, with the Deno
// adapter's presets (proxy and TLS options through Deno.createHttpClient). The
// star exports are repeated here for the reason given in node.ts.
export * from "@phala/cloud-core";
// Core's two factories with the Deno preset applied (`withRuntime`).
export { createBaseClient, createClient } from "@phala/cloud-deno";
// Types only, as in ./index: the schemas are exported by `@phala/cloud/schemas`.
export type * from "@phala/cloud-schemas/types";
