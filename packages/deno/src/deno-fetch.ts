import { type FetchLike, PhalaCloudError } from "@phala/cloud-core";

/**
 * The slice of Deno's API this adapter uses, declared here so the package builds
 * and type-checks under Node without `@types/deno` or `deno.ns`.
 */
export interface DenoHttpClient {
  close(): void;
}

interface DenoCreateHttpClientOptions {
  caCerts?: string[];
  proxy?: DenoProxyOptions;
  cert?: string;
  key?: string;
}

interface DenoNamespace {
  createHttpClient(options: DenoCreateHttpClientOptions): DenoHttpClient;
}

/** An HTTP(S) or SOCKS5 proxy every request of the client goes through. */
export interface DenoProxyOptions {
  /** `http://host:port`, `https://host:port` or `socks5://host:port`. */
  url: string;
  transport?: "http" | "https" | "socks5";
  basicAuth?: { username: string; password: string };
}

export interface DenoFetchOptions {
  /** Send every request through this proxy. */
  proxy?: DenoProxyOptions;
  /** PEM root certificates trusted in addition to the system's (a private CA, a TLS-intercepting proxy). */
  caCerts?: string[];
  /** PEM client certificate chain, for mutual TLS; needs `key`. */
  cert?: string;
  /** PEM private key of `cert`. */
  key?: string;
  /**
   * An `HttpClient` from `Deno.createHttpClient` to use as is. The caller owns it:
   * `close()` of the returned fetch leaves it open.
   */
  httpClient?: DenoHttpClient;
}

/** A fetch bound to one Deno HTTP client (or the global fetch); `close()` releases the client. */
export interface DenoFetch extends FetchLike {
  /** The Deno `HttpClient` every request uses, when proxy/TLS options were given. */
  readonly httpClient: DenoHttpClient | undefined;
  /** Closes the HTTP client this fetch created (idle connections included). Safe to call twice. */
  close(): void;
}

function denoNamespace(): DenoNamespace | undefined {
  const deno = (globalThis as { Deno?: Partial<DenoNamespace> }).Deno;
  return typeof deno?.createHttpClient === "function" ? (deno as DenoNamespace) : undefined;
}

/** True when any option needs a Deno `HttpClient`. */
export function needsDenoHttpClient(options: DenoFetchOptions): boolean {
  return (
    options.proxy !== undefined ||
    options.caCerts !== undefined ||
    options.cert !== undefined ||
    options.key !== undefined ||
    options.httpClient !== undefined
  );
}

function createHttpClient(options: DenoFetchOptions): DenoHttpClient {
  const deno = denoNamespace();
  if (!deno) {
    throw new PhalaCloudError(
      "Proxy and TLS options of @phala/cloud-deno need Deno (Deno.createHttpClient); in another runtime use its adapter or pass `fetch`",
    );
  }
  if ((options.cert === undefined) !== (options.key === undefined)) {
    throw new PhalaCloudError("A client certificate needs both `cert` and `key` (PEM)");
  }
  const init: DenoCreateHttpClientOptions = {};
  if (options.caCerts !== undefined) init.caCerts = options.caCerts;
  if (options.proxy !== undefined) init.proxy = options.proxy;
  if (options.cert !== undefined) init.cert = options.cert;
  if (options.key !== undefined) init.key = options.key;
  return deno.createHttpClient(init);
}

/**
 * The fetch of the Deno adapter. With proxy or TLS options it creates one Deno
 * `HttpClient` (one connection pool) and passes it as `client` with every request,
 * Deno's extension of `RequestInit`; without them it is the global fetch.
 * `Deno` is looked up only when a client is needed, so importing this module
 * works in any runtime.
 */
export function createDenoFetch(options: DenoFetchOptions = {}): DenoFetch {
  const owned =
    options.httpClient === undefined && needsDenoHttpClient(options)
      ? createHttpClient(options)
      : undefined;
  const httpClient = options.httpClient ?? owned;
  let closed = false;
  const denoFetch: FetchLike = (input, init) => {
    if (httpClient === undefined) return globalThis.fetch(input, init);
    if (closed) {
      return Promise.reject(new PhalaCloudError("This Deno fetch was closed"));
    }
    return globalThis.fetch(input, { ...init, client: httpClient } as RequestInit);
  };
  return Object.assign(denoFetch, {
    httpClient,
    close() {
      if (closed) return;
      closed = true;
      owned?.close();
    },
  });
}
