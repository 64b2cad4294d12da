// `createClient`, `allActions` and `PhalaCloudClient` are core's, like the rest.
export * from "@phala/cloud-core";
// Every schema type, and every zod schema as a value that loads the schemas at
// its first use (./schema-value.ts), as Phala's JS SDK reference imports them;
// `@phala/cloud/schemas` exports the same schemas directly.
export * from "./root-schemas";
