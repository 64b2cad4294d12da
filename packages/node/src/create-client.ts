import {
  type ApiVersion,
  type Client,
  type ClientConfig,
  createBaseClient as createCoreBaseClient,
  type DefaultApiVersion,
  type ResolveApiVersion,
} from "@phala/cloud-core";
import * as actions from "@phala/cloud-core/actions";
import { createNodeFetch, type NodeFetchOptions } from "./node-fetch";

/** Connection and proxy settings of the Node preset; ignored when `fetch` is given. */
export type NodeAdapterOptions = NodeFetchOptions;

/** What the Node presets accept: the core's config plus the pool and proxy settings. */
export type NodeClientConfig<V extends ApiVersion = ApiVersion> = ClientConfig<V> &
  NodeAdapterOptions;

/** Every action of the SDK, as one record; `createClient` binds them all. */
export const allActions = actions;

/** The client `createClient` returns: every action bound as a method, typed by version V. */
export type PhalaCloudClient<V extends ApiVersion = DefaultApiVersion> = Client<V, typeof actions>;

function withNodeFetch<V extends ApiVersion>(config: NodeClientConfig<V>): ClientConfig<V> {
  const { connections, keepAliveTimeout, proxy, noProxy, dispatcher, ...clientConfig } = config;
  // One pool per created client: `withVersion` and `extend` share the client's
  // transport, so every client derived from this one reuses the same sockets.
  return {
    ...clientConfig,
    fetch:
      clientConfig.fetch ??
      createNodeFetch({ connections, keepAliveTimeout, proxy, noProxy, dispatcher }),
  };
}

/**
 * A client with no actions bound, on undici's keep-alive pool: pass it to
 * standalone actions (`getCvmInfo(client, { id })`).
 */
export function createBaseClient<const V extends ApiVersion = DefaultApiVersion>(
  config: NodeClientConfig<V> = {},
): Client<ResolveApiVersion<V>> {
  return createCoreBaseClient(withNodeFetch(config));
}

/** A client with every action as a method, on undici's keep-alive pool. */
export function createClient<const V extends ApiVersion = DefaultApiVersion>(
  config: NodeClientConfig<V> = {},
): PhalaCloudClient<ResolveApiVersion<V>> {
  return createCoreBaseClient(withNodeFetch(config)).extend(actions) as unknown as PhalaCloudClient<
    ResolveApiVersion<V>
  >;
}
