// `@phala/cloud` under the `node` condition: the same API, with the Node
// adapter's presets (undici keep-alive pool, proxy from the environment). The
// star exports are repeated here, not taken from ./index: a bundler keeps
// `export *` of another package only at an entry's top level.
export * from "@phala/cloud-core";
// Core's two factories with the Node preset applied (`withRuntime`).
export { createBaseClient, createClient } from "@phala/cloud-node";
// Types only, as in ./index: the schemas are exported by `@phala/cloud/schemas`.
export type * from "@phala/cloud-schemas/types";
