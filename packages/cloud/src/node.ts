// `@phala/cloud` under the `node` condition: the same API, with the Node
// adapter's presets (undici keep-alive pool, proxy from the environment). The
// star exports are repeated here, not taken from ./index: a bundler keeps
// `export *` of another package only at an entry's top level.
export * from "@phala/cloud-core";
// Core's two factories with the Node preset applied (`withRuntime`).
export { createBaseClient, createClient } from "@phala/cloud-node";
// Every schema type, and every zod schema as a value that loads the schemas at
// its first use (./schema-value.ts), as Phala's JS SDK reference imports them;
// `@phala/cloud/schemas` exports the same schemas directly.
export * from "./root-schemas";
