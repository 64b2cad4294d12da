import {
  type ApiVersion,
  type Client,
  type ClientConfig,
  createBaseClient as createCoreBaseClient,
  type DefaultApiVersion,
  PhalaCloudError,
  type ResolveApiVersion,
} from "@phala/cloud-core";
import * as actions from "@phala/cloud-core/actions";
import { createDenoFetch, type DenoFetchOptions, needsDenoHttpClient } from "./deno-fetch";

/** Every action of the SDK, as one record; `createClient` binds them all. */
export const allActions = actions;

/** What the Deno presets take on top of the core config: the proxy/TLS options of `createDenoFetch`. */
export type DenoAdapterOptions = DenoFetchOptions;

/** The client `createClient` returns: every action bound as a method, typed by version V. */
export type PhalaCloudClient<V extends ApiVersion = DefaultApiVersion> = Client<V, typeof actions>;

function coreConfig<V extends ApiVersion>(
  config: ClientConfig<V> & DenoAdapterOptions,
): ClientConfig<V> {
  const { proxy, caCerts, cert, key, httpClient, ...rest } = config;
  const adapterOptions: DenoAdapterOptions = { proxy, caCerts, cert, key, httpClient };
  for (const name of Object.keys(adapterOptions) as (keyof DenoAdapterOptions)[]) {
    if (adapterOptions[name] === undefined) delete adapterOptions[name];
  }
  if (rest.fetch) {
    if (needsDenoHttpClient(adapterOptions)) {
      throw new PhalaCloudError(
        "Pass either `fetch` or the proxy/TLS options (proxy, caCerts, cert, key, httpClient), not both",
      );
    }
    return rest;
  }
  return { ...rest, fetch: createDenoFetch(adapterOptions) };
}

/**
 * A client with no actions bound, for standalone actions (`getCvmInfo(client, ...)`),
 * using Deno's fetch with the given proxy/TLS options.
 */
export function createBaseClient<const V extends ApiVersion = DefaultApiVersion>(
  config: ClientConfig<V> & DenoAdapterOptions = {},
): Client<ResolveApiVersion<V>> {
  return createCoreBaseClient(coreConfig(config));
}

/**
 * A client with every action as a method, using Deno's fetch with the given
 * proxy/TLS options. `createBaseClient` plus standalone actions gives the same
 * calls with a smaller bundle.
 */
export function createClient<const V extends ApiVersion = DefaultApiVersion>(
  config: ClientConfig<V> & DenoAdapterOptions = {},
): PhalaCloudClient<ResolveApiVersion<V>> {
  return createBaseClient(config).extend(actions) as unknown as PhalaCloudClient<
    ResolveApiVersion<V>
  >;
}
