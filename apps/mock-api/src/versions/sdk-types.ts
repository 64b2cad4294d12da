import type * as Sdk from "@phala/cloud-schemas";

// The mock's bodies are typed with the SDK's own schemas, so the mock cannot send
// a shape the SDK does not type. The SDK's exported types are what its schemas
// return (defaults filled in); a body on the wire is what they take: a field
// with a default may be left out. These helpers name that input side.

/** What a schema of the SDK accepts (Standard Schema's input type). */
export type WireInput<S> = S extends { readonly "~standard": { readonly types?: infer T } }
  ? NonNullable<T> extends { readonly input: infer I }
    ? I
    : never
  : never;

/** An API version the SDK has shapes for. */
export type SdkVersion = Sdk.KnownApiVersion;

/** An endpoint of the SDK, named by the action that calls it. */
export type SdkEndpoint = Sdk.VersionedEndpoint;

/** What `endpoint` may answer in `version`: the input of the SDK's schema for it. */
export type WireBody<E extends SdkEndpoint, V extends SdkVersion> = WireInput<
  (typeof Sdk)[`${E}ResponseSchemas`][V]
>;
