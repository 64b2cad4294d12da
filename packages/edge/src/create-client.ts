import {
  type ApiVersion,
  type Client,
  type ClientConfig,
  createBaseClient,
  type DefaultApiVersion,
  type ResolveApiVersion,
} from "@phala/cloud-core/valibot";
import * as actions from "@phala/cloud-core/valibot/actions";

/** The client `createClient` returns: every action bound as a method, typed by version V. */
export type PhalaCloudEdgeClient<V extends ApiVersion = DefaultApiVersion> = Client<
  V,
  typeof actions
>;

/**
 * Every action as a method, validated with valibot. Requests go through the
 * runtime's global fetch (looked up per request, as core does) unless `fetch`
 * is given.
 */
export function createClient<const V extends ApiVersion = DefaultApiVersion>(
  config: ClientConfig<V> = {},
): PhalaCloudEdgeClient<ResolveApiVersion<V>> {
  return createBaseClient(config).extend(actions) as unknown as PhalaCloudEdgeClient<
    ResolveApiVersion<V>
  >;
}
