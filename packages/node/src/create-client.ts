import {
  type ApiVersion,
  type ClientConfig,
  type RuntimePreset,
  withRuntime,
} from "@phala/cloud-core";
import { createNodeFetch, type NodeFetchOptions } from "./node-fetch";

/** Connection and proxy settings of the Node preset; ignored when `fetch` is given. */
export type NodeAdapterOptions = NodeFetchOptions;

/** What the Node presets accept: the core's config plus the pool and proxy settings. */
export type NodeClientConfig<V extends ApiVersion = ApiVersion> = ClientConfig<V> &
  NodeAdapterOptions;

/**
 * The Node preset: undici's keep-alive pool (and the proxy from the
 * environment) as the client's fetch, unless the config gives one. One pool per
 * created client: `withVersion` and `extend` share the client's transport, so
 * every client derived from it reuses the same sockets.
 */
export const nodeRuntime: RuntimePreset<NodeAdapterOptions> = {
  configure(config) {
    const { connections, keepAliveTimeout, proxy, noProxy, dispatcher, ...clientConfig } = config;
    return {
      ...clientConfig,
      fetch:
        clientConfig.fetch ??
        createNodeFetch({ connections, keepAliveTimeout, proxy, noProxy, dispatcher }),
    };
  },
};

/** Core's `createBaseClient` and `createClient` on undici's keep-alive pool. */
export const { createBaseClient, createClient } = /* @__PURE__ */ withRuntime(nodeRuntime);
