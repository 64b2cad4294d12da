import {
  type ApiVersion,
  type Client,
  type ClientConfig,
  createBaseClient,
  type DefaultApiVersion,
  type ResolveApiVersion,
} from "@phala/cloud-core";
import * as actions from "@phala/cloud-core/actions";

/** Every action of the SDK, as one record; `createClient` binds them all. */
export const allActions = actions;

/** The client `createClient` returns: every action bound as a method, typed by version V. */
export type PhalaCloudClient<V extends ApiVersion = DefaultApiVersion> = Client<V, typeof actions>;

/**
 * A client with every action as a method. `createBaseClient` plus standalone
 * actions gives the same calls with a smaller bundle. `version: "LATEST"` (any
 * case) gives a client of the newest version's date.
 */
export function createClient<const V extends ApiVersion = DefaultApiVersion>(
  config: ClientConfig<V> = {},
): PhalaCloudClient<ResolveApiVersion<V>> {
  return createBaseClient(config).extend(actions) as unknown as PhalaCloudClient<
    ResolveApiVersion<V>
  >;
}
