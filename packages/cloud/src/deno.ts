// `@phala/cloud` under the `deno` condition: the same API, with the Deno
// adapter's presets (proxy and TLS options through Deno.createHttpClient). The
// star exports are repeated here for the reason given in node.ts.
export * from "@phala/cloud-core";
// Core's two factories with the Deno preset applied (`withRuntime`).
export { createBaseClient, createClient } from "@phala/cloud-deno";
// Every schema type, and every zod schema as a value that loads the schemas at
// its first use (./schema-value.ts), as Phala's JS SDK reference imports them;
// `@phala/cloud/schemas` exports the same schemas directly.
export * from "./root-schemas";
