import type { FetchLike } from "@phala/cloud-core";
import type { Agent, Dispatcher } from "undici";
import { requestFetch } from "./request-fetch";

type Undici = typeof import("undici");

let undici: Promise<Undici> | undefined;

/**
 * undici, imported on the first request of any client (one import for the
 * process): importing the SDK does not pay for it, and a program that never
 * sends a request never loads it. A dynamic import, not `require`, so that
 * bundlers still see it and bundle it.
 */
function loadUndici(): Promise<Undici> {
  undici ??= import("undici").catch((error: unknown) => {
    // Not cached: a later request (a retry) tries again.
    undici = undefined;
    throw new Error(
      `@phala/cloud-node could not load undici: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  });
  return undici;
}

export interface NodeFetchOptions {
  /** Most sockets kept open per origin. Default: no limit (undici's default). */
  connections?: number;
  /**
   * Milliseconds an idle keep-alive socket stays open. Default: undici's 4000,
   * shortened by a server's `Keep-Alive: timeout=` hint. Idle sockets do not
   * keep the process alive, so this never delays a script's exit.
   */
  keepAliveTimeout?: number;
  /**
   * Proxy URL for every request, `false` for none. Default: `https_proxy` /
   * `HTTPS_PROXY` for an https API, `http_proxy` / `HTTP_PROXY` for an http
   * one (lower case first, as curl does), read once when the fetch is made.
   * Loopback hosts are not exempt: list them in `NO_PROXY`.
   */
  proxy?: string | false;
  /**
   * Hosts reached without the proxy (`NO_PROXY` syntax: `host`, `.domain`,
   * `host:port`, `*`). Default: `NO_PROXY` / `no_proxy`, read at each request.
   */
  noProxy?: string;
  /**
   * Your own undici dispatcher: the options above are then ignored and
   * `close()` leaves it open (its owner closes it).
   */
  dispatcher?: Dispatcher;
}

/** The SDK's fetch for Node, bound to one undici connection pool. */
export type NodeFetch = FetchLike & {
  /**
   * The pool (or proxy-aware agent) every request of this fetch goes through.
   * undici is loaded, and the pool made, at the first request (or when this is
   * first read), so it is a promise.
   */
  readonly dispatcher: Promise<Dispatcher>;
  /** Closes the sockets this fetch opened; a dispatcher passed in stays open. */
  close(): Promise<void>;
};

/** The proxy variables as undici's EnvHttpProxyAgent would read them now. */
function proxyFromEnv(): { httpProxy: string; httpsProxy: string } | undefined {
  const env = process.env;
  // Same precedence as undici's EnvHttpProxyAgent: a defined lower-case variable wins, even empty.
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY ?? "";
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY ?? "";
  return httpProxy || httpsProxy ? { httpProxy, httpsProxy } : undefined;
}

/**
 * Which dispatcher to make, decided when the fetch is made (the proxy variables
 * are read then), and made once undici is loaded.
 */
function planDispatcher(options: NodeFetchOptions): (undici: Undici) => Dispatcher {
  const pool: Agent.Options = {};
  if (options.connections !== undefined) pool.connections = options.connections;
  if (options.keepAliveTimeout !== undefined) pool.keepAliveTimeout = options.keepAliveTimeout;
  const { proxy, noProxy } = options;

  // Through a proxy, undici opens a CONNECT tunnel to the API's host:port for
  // every target (`proxyTunnel` defaults to true, http targets included), then
  // speaks to the API inside it: for an https API the TLS session runs end to
  // end, so `X-API-Key` travels encrypted and the proxy sees only
  // `CONNECT host:443` (plus `Proxy-Authorization` if the proxy URL has
  // credentials). The key is never a header of a request addressed to the proxy.
  if (proxy === false) return ({ Agent }) => new Agent(pool);
  if (typeof proxy === "string") {
    // EnvHttpProxyAgent with both proxies given is a ProxyAgent that still honours NO_PROXY.
    return ({ EnvHttpProxyAgent }) =>
      new EnvHttpProxyAgent({ ...pool, httpProxy: proxy, httpsProxy: proxy, noProxy });
  }
  const fromEnv = proxyFromEnv();
  // Both proxies passed as read now (an unset one as ""): undici would otherwise
  // read the variables again when the agent is made, at the first request.
  if (fromEnv)
    return ({ EnvHttpProxyAgent }) => new EnvHttpProxyAgent({ ...pool, ...fromEnv, noProxy });
  return ({ Agent }) => new Agent(pool);
}

interface Bound {
  fetch: FetchLike;
  dispatcher: Dispatcher;
}

/**
 * A fetch for the SDK's `fetch` option: undici on a keep-alive pool
 * (one socket reused across sequential calls), with proxy settings from the
 * options or the environment. undici is loaded at the first request; a failure
 * to load it fails that request like a connection error (`APIConnectionError`).
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const given = options.dispatcher;
  const makeDispatcher = given ? () => given : planDispatcher(options);
  let bound: Bound | undefined;
  let binding: Promise<Bound> | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;
  const bind = (): Promise<Bound> => {
    if (binding) return binding;
    // Closed before its first request: the pool is made closed, so requests
    // fail as they would on a pool closed after use.
    const closedBefore = closed;
    binding = loadUndici().then(
      (module) => {
        const dispatcher = makeDispatcher(module);
        if (closedBefore && !given) dispatcher.close().catch(() => {});
        bound = { fetch: requestFetch(module, dispatcher), dispatcher };
        return bound;
      },
      (error: unknown) => {
        binding = undefined;
        throw error;
      },
    );
    return binding;
  };
  const nodeFetch = async (input: string, init: RequestInit): Promise<Response> => {
    // Once bound (every request after the first), no extra turn here.
    const { fetch } = bound ?? (await bind());
    // undici finishes its bookkeeping of a response (marking the socket free)
    // one event-loop turn after the body has been read. A call made straight
    // after the previous one, as sequential SDK calls are, finds the socket
    // still busy and the pool opens a second one, then alternates between the
    // two. Waiting for that turn keeps sequential calls on one socket, for a
    // few tens of microseconds a call on loopback (bench/requests.mjs, the
    // "after one setImmediate turn" row), nothing beside a real network's latency.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return fetch(input, init);
  };
  const close = (): Promise<void> => {
    if (given) return Promise.resolve();
    closed = true;
    closing ??= (async () => {
      // Never used: nothing is open, and undici need not be loaded to say so.
      if (!binding) return;
      // A pool that failed to load opened nothing either.
      const loaded = await binding.catch(() => undefined);
      await loaded?.dispatcher.close();
    })();
    return closing;
  };
  return Object.defineProperties(nodeFetch, {
    dispatcher: { get: () => bind().then((b) => b.dispatcher), enumerable: true },
    close: { value: close, enumerable: true },
  }) as NodeFetch;
}
