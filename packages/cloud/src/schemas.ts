// `@phala/cloud/schemas`: the zod schemas of every API version (and their
// types), for validating or parsing bodies yourself. Not part of the root
// entry, so that importing the client does not build them.
export * from "@phala/cloud-schemas";
