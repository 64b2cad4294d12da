export * from "@phala/cloud-core";
// Every schema type, and the schemas only as types: importing the adapter does
// not build every zod schema; `@phala/cloud-deno/schemas` exports them.
export type * from "@phala/cloud-schemas/types";
// Core's two factories with the Deno preset applied (`withRuntime`): these
// named exports take the place of core's from the star export above.
export {
  createBaseClient,
  createClient,
  type DenoAdapterOptions,
  denoRuntime,
} from "./create-client";
export {
  createDenoFetch,
  type DenoFetch,
  type DenoFetchOptions,
  type DenoHttpClient,
  type DenoProxyOptions,
} from "./deno-fetch";
