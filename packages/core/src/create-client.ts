// Through the package's own `actions` entry, not `./actions`: a namespace of
// this package's modules would be built by its own bundle (a call no later
// bundler can drop), so every program would carry every action; imported
// from the entry, the namespace is the user's bundler's to tree-shake. The
// declarations name the entry the same way.
import * as actionRecord from "@phala/cloud-core/actions";
import { type ActionRecord, type Client, type ClientConfig, createBaseClient } from "./client";
import { type ClientEventMethods, clientEvents } from "./client-events";
import type { ApiVersion, DefaultApiVersion, ResolveApiVersion } from "./versions";

/** The type of every action of the SDK, as one record. */
export type AllActions = typeof actionRecord;

/** Every action of the SDK, as one record; `createClient` binds them all. */
export const allActions: AllActions = actionRecord;

/**
 * The client `createClient` returns: every action bound as a method, typed by
 * version V, and `on`/`once`/`off` for its events.
 */
export type PhalaCloudClient<V extends ApiVersion = DefaultApiVersion> = Client<
  V,
  AllActions,
  ClientEventMethods
>;

/**
 * A client with every action as a method, and `client.on("error", fn)` for
 * every failed request. `createBaseClient` plus standalone
 * actions gives the same calls with a smaller bundle. `version: "LATEST"` (any
 * case) gives a client of the newest version's date.
 */
export function createClient<const V extends ApiVersion = DefaultApiVersion>(
  config: ClientConfig<V> = {},
): PhalaCloudClient<ResolveApiVersion<V>> {
  // The record's functions only: required from CommonJS, the entry's namespace
  // also holds `default` (the module itself), which `extend` would refuse.
  actionsToBind ??= Object.fromEntries(
    Object.entries(allActions).filter(([, action]) => typeof action === "function"),
  ) as ActionRecord;
  // The events first: each `extend` makes the client anew, so the actions are bound once.
  return createBaseClient(config)
    .extend(clientEvents)
    .extend(actionsToBind) as unknown as PhalaCloudClient<ResolveApiVersion<V>>;
}

let actionsToBind: ActionRecord | undefined;

/**
 * What a runtime adapter supplies, and all it supplies: how its own options
 * (a connection pool, a proxy, TLS settings) and presets become core's config,
 * usually by giving it a `fetch`. The client itself is core's.
 */
export interface RuntimePreset<Options extends object> {
  configure<V extends ApiVersion>(config: ClientConfig<V> & Options): ClientConfig<V>;
}

/** `createBaseClient` and `createClient` taking core's config plus a runtime's options. */
export interface RuntimeClients<Options extends object> {
  /** A client with no actions bound: pass it to standalone actions (`getCvmInfo(client, { id })`). */
  createBaseClient<const V extends ApiVersion = DefaultApiVersion>(
    config?: ClientConfig<V> & Options,
  ): Client<ResolveApiVersion<V>>;
  /** A client with every action as a method. */
  createClient<const V extends ApiVersion = DefaultApiVersion>(
    config?: ClientConfig<V> & Options,
  ): PhalaCloudClient<ResolveApiVersion<V>>;
}

/**
 * Core's two client factories with a runtime's preset applied first: what an
 * adapter package (`@phala/cloud-node`, `@phala/cloud-deno`) exports, as
 * hono's adapters wrap one app.
 */
export function withRuntime<Options extends object>(
  preset: RuntimePreset<Options>,
): RuntimeClients<Options> {
  return {
    createBaseClient: (config = {} as never) => createBaseClient(preset.configure(config)),
    createClient: (config = {} as never) => createClient(preset.configure(config)),
  } as RuntimeClients<Options>;
}
