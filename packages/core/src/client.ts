import { type BoundActions, sendRawRequest } from "./action";
import type { APIPromise } from "./api-promise";
import {
  type ActionRecord,
  type AnyClient,
  attachClientState,
  type ClientExtender,
  type ClientInternals,
  type RawRequest,
} from "./client-state";
import { readEnv } from "./env";
import { isRecord, PhalaCloudError } from "./errors";
import { type ClientHooks, normalizeHooks } from "./hooks";
import { createLog, type Logger, type LogLevel, resolveLogLevel } from "./logger";
import { DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_TIME_MS } from "./retry";
import { ApiKey, INSPECT } from "./secret";
import { checkSettings } from "./settings";
import { DEFAULT_MAX_RESPONSE_BYTES, type FetchLike, type TransportState } from "./transport/types";
import {
  type ApiVersion,
  DEFAULT_API_VERSION,
  type DefaultApiVersion,
  type KnownApiVersion,
  type ResolveApiVersion,
  resolveApiVersion,
} from "./versions";

export type { ActionRecord, AnyClient, RawRequest } from "./client-state";
export { getClientState } from "./client-state";

export const DEFAULT_BASE_URL = "https://cloud-api.phala.com/api/v1";
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ClientConfig<V extends ApiVersion = ApiVersion> {
  /** Sent as `X-API-Key`. Default: the `PHALA_CLOUD_API_KEY` environment variable. */
  apiKey?: string;
  /** Default: `PHALA_CLOUD_API_PREFIX`, then `https://cloud-api.phala.com/api/v1`. */
  baseURL?: string;
  /**
   * The API version every call sends and is typed by. Default `2026-01-21`.
   * `LATEST` (any case) stands for the newest version this SDK knows: its date
   * is what the client reports, sends and is typed by.
   */
  version?: V;
  /** Per-request timeout in milliseconds. Default 30000. */
  timeout?: number;
  /** Headers sent with every request (`X-Phala-Version` and `X-API-Key` excepted). */
  headers?: Record<string, string>;
  /** A fetch implementation. Default: the runtime's global `fetch`. */
  fetch?: FetchLike;
  /**
   * `false` skips response validation for every call of this client: bodies are
   * returned as the server sent them, typed as the version's shape.
   */
  validateResponses?: boolean;
  /**
   * Retries after the first attempt (GET, HEAD, PUT, DELETE; on connection
   * errors, timeouts, 408, 429, 500, 502, 503, 504). `0` turns retries off. Default 2.
   */
  maxRetries?: number;
  /** Milliseconds all attempts and waits of one call may take. Default 60000. */
  maxRetryTime?: number;
  /** Largest response body read, in bytes; a larger one fails with `ResponseTooLargeError`. Default 10 MiB. */
  maxResponseBytes?: number;
  /**
   * Send the API key over plain `http:` to a host that is not loopback. Off by
   * default: anyone on the path could read the key.
   */
  allowInsecureHttp?: boolean;
  /** Observe each attempt: `onRequest`, `onResponse`, `onRetry`, `onError`, `onDeprecation`. */
  hooks?: ClientHooks;
  /** Default: `PHALA_CLOUD_LOG`, then "warn". */
  logLevel?: LogLevel;
  /** Where log lines go. Default: `console`. */
  logger?: Logger;
}

/** Nothing added by `extend(fn)` yet. */
type NoExtensions = Record<never, never>;

export interface BaseClient<
  V extends ApiVersion,
  A extends ActionRecord,
  X extends object = NoExtensions,
> extends AnyClient {
  /** The version this client sends and is typed by: a date, `LATEST` resolved. */
  readonly version: V;
  readonly baseURL: string;
  readonly timeout: number;
  /**
   * A new client for another version (`LATEST`: the newest date): same
   * credentials, transport and actions; `extend(fn)` functions are called again
   * with the new client.
   */
  withVersion<const W extends ApiVersion>(version: W): Client<ResolveApiVersion<W>, A, X>;
  /**
   * viem's form: a new client with what `extender(client)` returns added as it
   * is (functions already bound to the client they were given). Chains:
   * each extender sees the members the earlier ones added.
   */
  extend<const R extends Record<string, unknown>>(
    extender: (client: Client<V, A, X>) => R,
  ): Client<V, Omit<A, keyof R>, Omit<X, keyof R> & R>;
  /** A new client with these actions bound as methods (the client becomes their first argument). */
  extend<const B extends ActionRecord>(
    actions: B,
  ): Client<V, Omit<A, keyof B> & B, Omit<X, keyof B>>;
  /** Sends any request with this client's credentials and version; returns the parsed body. */
  request(request: RawRequest): APIPromise<unknown>;
  toJSON(): { version: V; baseURL: string; timeout: number; apiKey: string | undefined };
}

/**
 * A client of version V carrying the actions A as methods, and what
 * `extend(fn)` added (X). `createBaseClient` and `withVersion` give V as a
 * date (`LATEST` resolved).
 */
export type Client<
  V extends ApiVersion = DefaultApiVersion,
  A extends ActionRecord = Record<never, never>,
  X extends object = NoExtensions,
> = BaseClient<V, A, X> & BoundActions<A, V> & X;

function makeClient(
  internals: ClientInternals,
  requested: ApiVersion,
): Client<KnownApiVersion, ActionRecord> {
  // Checked before anything is sent; `LATEST` becomes the newest date, so the
  // client reports, sends and is typed by the same version.
  const version = resolveApiVersion(requested);
  const { transport } = internals;
  const client: Record<string | symbol, unknown> = {
    version,
    baseURL: transport.baseURL,
    timeout: transport.timeout,
    withVersion: (next: ApiVersion) => makeClient(internals, next),
    extend: (layer: ActionRecord | ClientExtender) =>
      makeClient({ ...internals, layers: [...internals.layers, layer] }, version),
    // The raw request is an action with no schema: the same pipeline, unvalidated.
    request: (request: RawRequest) =>
      sendRawRequest(client as unknown as AnyClient, request, request),
    toJSON: () => ({
      version,
      baseURL: transport.baseURL,
      timeout: transport.timeout,
      apiKey: transport.apiKey?.redacted,
    }),
  };
  const own = new Set(Object.keys(client));
  attachClientState(client, internals);
  // Defined, not assigned: neither enumerable nor writable.
  Object.defineProperty(client, INSPECT, {
    value: () => `PhalaCloudClient ${JSON.stringify((client.toJSON as () => unknown)())}`,
  });
  // Each layer in order, so a function sees what the earlier ones added. Made
  // at once by `extend`, so what it cannot use is refused there, never dropped.
  for (const layer of internals.layers) {
    // A record's actions take the client first; what a function returns is added as it is.
    const bind = typeof layer !== "function";
    const members: unknown = bind ? layer : layer(client);
    if (!isRecord(members)) {
      throw new TypeError(
        `client.extend() takes actions or (client) => members, not ${Array.isArray(members) ? "an array" : members}`,
      );
    }
    for (const name in members) {
      const member = members[name];
      if (bind && typeof member !== "function") {
        throw new TypeError(`client.extend(): ${name} is not an action`);
      }
      // Its actions may be replaced; its own members (version, request...) may not.
      if (own.has(name)) {
        throw new PhalaCloudError(
          `Cannot extend a client with "${name}": the name is the client's own`,
        );
      }
      client[name] = bind
        ? (...args: unknown[]) => (member as (...all: unknown[]) => unknown)(client, ...args)
        : member;
    }
  }
  return client as unknown as Client<KnownApiVersion, ActionRecord>;
}

// localhost and its subdomains, ::1 (short and long), 127.0.0.0/8, and
// 127.0.0.0/8 mapped into IPv6 (dotted, or in the hex form URL parsers give).
const LOOPBACK =
  /^(?:(?:.*\.)?localhost|::1|0:0:0:0:0:0:0:1|::ffff:(?:127\.\d+\.\d+\.\d+|7f[0-9a-f]{2}:[0-9a-f]{1,4})|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname.replace(/^\[|\]$/g, "").toLowerCase());
}

function refuseInsecureHttp(baseURL: string): void {
  const url = new URL(baseURL);
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new PhalaCloudError(
      `Refused to send the API key over plain HTTP to ${url.origin}: use https://, or set allowInsecureHttp: true if this network is trusted`,
    );
  }
}

/**
 * A client with no actions bound: pass it to standalone actions
 * (`getCvmInfo(client, { id })`) so a bundle keeps only the actions it imports.
 */
export function createBaseClient<const V extends ApiVersion = DefaultApiVersion>(
  config: ClientConfig<V> = {},
): Client<ResolveApiVersion<V>> {
  const version = config.version ?? DEFAULT_API_VERSION;
  const apiKey = config.apiKey ?? readEnv("PHALA_CLOUD_API_KEY");
  const timeout = config.timeout ?? DEFAULT_TIMEOUT_MS;
  const baseURL = config.baseURL ?? readEnv("PHALA_CLOUD_API_PREFIX") ?? DEFAULT_BASE_URL;
  const maxRetries = config.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxRetryTime = config.maxRetryTime ?? DEFAULT_MAX_RETRY_TIME_MS;
  const maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  checkSettings(
    { timeout, maxRetries, maxRetryTime, maxResponseBytes },
    (name, value, expected) => {
      throw new PhalaCloudError(`Invalid ${name} ${String(value)}: ${expected}`);
    },
  );
  try {
    new URL(baseURL);
  } catch {
    throw new PhalaCloudError(
      `Invalid baseURL ${JSON.stringify(baseURL)}: expected an absolute URL`,
    );
  }
  if (apiKey && !config.allowInsecureHttp) refuseInsecureHttp(baseURL);
  const transport: TransportState = {
    apiKey: apiKey ? new ApiKey(apiKey) : undefined,
    baseURL,
    fetch: config.fetch,
    headers: { ...config.headers },
    timeout,
    validateResponses: config.validateResponses ?? true,
    maxRetries,
    maxRetryTime,
    maxResponseBytes,
    hooks: normalizeHooks(config.hooks),
    log: createLog(resolveLogLevel(config.logLevel), config.logger),
    deprecationsSeen: new Set(),
  };
  return makeClient({ transport, layers: [] }, version) as unknown as Client<ResolveApiVersion<V>>;
}
