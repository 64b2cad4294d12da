// `createClient`, `allActions` and `PhalaCloudClient` are core's, like the rest.
export * from "@phala/cloud-core";
// Every schema type, and the schemas only as types: building every zod schema
// is what made importing the SDK slow; `@phala/cloud/schemas` exports them.
// (From the types-only entry: tsup's d.ts bundler drops the `type` of `export type *`.)
export type * from "@phala/cloud-schemas/types";
