// `@phala/cloud` under the `workerd`, `worker` and `browser` conditions: the
// names of ./index, from core linked with the valibot schemas (its
// `createClient` included), so a Worker or browser bundle holds no zod (about
// a third of the size for one call). Types are ./index's (package.json maps
// `types` there): both flavours share them. The star exports are repeated, not
// taken from ./index, for the reason given in node.ts.
export * from "@phala/cloud-core/valibot";
// Every schema type, and every zod schema re-exported: a bundle keeps only those
// it uses, so a Worker that imports none holds no zod.
export * from "./root-schemas-edge";
