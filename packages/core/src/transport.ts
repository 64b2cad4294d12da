import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  createAPIError,
  type ErrorContext,
  PhalaCloudError,
  RequestValidationError,
} from "./errors";
import type { ApiKey } from "./secret";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue | readonly QueryValue[]>;

/** The fetch the SDK calls: the runtime's global fetch, or one a caller or adapter supplies. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What the client holds for every request it makes; shared by derived clients. */
export interface TransportState {
  readonly apiKey: ApiKey | undefined;
  readonly baseURL: string;
  readonly fetch: FetchLike | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeout: number;
  readonly validateResponses: boolean;
}

export interface TransportRequest {
  method: HttpMethod;
  /** Relative to the base URL, starting with `/`. */
  path: string;
  query?: QueryParams | undefined;
  body?: unknown;
  /** The `X-Phala-Version` value, exactly as it goes on the wire. */
  apiVersion: string;
  endpoint?: string | undefined;
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
  /** Non-2xx statuses returned as a response instead of raised as an error. */
  acceptStatus?: readonly number[] | undefined;
}

export interface TransportResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text when the body is not JSON, undefined when empty. */
  data: unknown;
}

const SDK_NAME = "phala-cloud-sdk-ts";
const SDK_VERSION = "0.1.0";
const MAX_REDIRECTS = 5;
// Headers the SDK owns: a caller's copy would make the request disagree with
// the schema used to read its answer, or send credentials the client does not hold.
const OWNED_HEADERS = ["x-phala-version", "x-api-key"];

export function buildURL(baseURL: string, path: string, query?: QueryParams): string {
  const base = new URL(baseURL);
  // A path is always appended below the base URL: one that does not start with
  // "/" (".evil.test", "@evil.test") would otherwise move the request to another host.
  const url = new URL(baseURL.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`));
  if (url.origin !== base.origin) {
    throw new PhalaCloudError(`Refused path ${JSON.stringify(path)}: it leaves the API origin`);
  }
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      const values = Array.isArray(value) ? value : [value];
      for (const item of values) {
        if (item !== undefined && item !== null) url.searchParams.append(key, String(item));
      }
    }
  }
  return url.toString();
}

export function buildHeaders(state: TransportState, request: TransportRequest): Headers {
  const headers = new Headers(state.headers);
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
  for (const name of OWNED_HEADERS) headers.delete(name);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  if (!headers.has("user-agent")) headers.set("user-agent", `${SDK_NAME}/${SDK_VERSION}`);
  headers.set("x-phala-version", request.apiVersion);
  if (state.apiKey) headers.set("x-api-key", state.apiKey.reveal());
  if (request.body !== undefined && !headers.has("content-type")) {
    headers.set("content-type", "application/json");
  }
  return headers;
}

/** A string body the action labelled with a non-JSON type (a YAML file, a script) goes as is. */
function isRawText(body: unknown, headers: Headers): body is string | undefined {
  if (body === undefined) return true;
  return typeof body === "string" && !headers.get("content-type")?.includes("json");
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text.length === 0) return undefined;
  const looksJson = contentType?.includes("json") || /^\s*[[{"]/.test(text);
  if (!looksJson) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * One cancellation scope per request: the caller's signal and the timeout both
 * abort it, and `dispose` removes the listener and the timer so nothing is left
 * behind whatever the outcome.
 */
function cancellationScope(callerSignal: AbortSignal | undefined, timeout: number) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onAbort, { once: true });
  const timer =
    timeout > 0 && Number.isFinite(timeout)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeout)
      : undefined;
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onAbort);
    },
  };
}

function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

/**
 * build URL -> headers -> fetch (timeout, caller's signal, redirects kept to the
 * API origin) -> read and parse the body -> map an error status to its error.
 */
export async function sendRequest(
  state: TransportState,
  request: TransportRequest,
): Promise<TransportResponse> {
  const context: ErrorContext = {
    method: request.method,
    path: request.path,
    apiVersion: request.apiVersion,
    endpoint: request.endpoint,
  };
  if (request.signal?.aborted) {
    throw new APIUserAbortError("Request aborted before it was sent", context);
  }
  const fetchImpl = state.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (!fetchImpl) {
    throw new APIConnectionError(
      "No fetch implementation: pass `fetch` in the client config",
      context,
    );
  }
  const headers = buildHeaders(state, request);
  let url = buildURL(state.baseURL, request.path, request.query);
  let method: string = request.method;
  let body: string | undefined;
  try {
    body = isRawText(request.body, headers) ? request.body : JSON.stringify(request.body);
  } catch (error) {
    throw new RequestValidationError({
      ...context,
      cause: error,
      issues: [{ path: "body", message: `cannot be sent as JSON: ${String(error)}` }],
    });
  }
  const timeout = request.timeout ?? state.timeout;
  if (typeof timeout !== "number" || !(timeout >= 0)) {
    throw new RequestValidationError({
      ...context,
      issues: [{ path: "timeout", message: "expected milliseconds >= 0" }],
    });
  }
  // Created last: from here on, `finally` is what clears the timer and listener.
  const scope = cancellationScope(request.signal, timeout);

  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetchImpl(url, {
        method,
        headers,
        body,
        signal: scope.signal,
        redirect: "manual",
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => {});
        const next = new URL(location, url).toString();
        if (!sameOrigin(next, state.baseURL)) {
          throw new APIConnectionError(
            `Refused a redirect to another origin (${new URL(next).origin}): the API key is only sent to ${new URL(state.baseURL).origin}`,
            { ...context, status: response.status },
          );
        }
        if (redirects >= MAX_REDIRECTS) {
          throw new APIConnectionError(`Too many redirects (more than ${MAX_REDIRECTS})`, context);
        }
        if (response.status === 303) {
          method = "GET";
          body = undefined;
          headers.delete("content-type");
        }
        url = next;
        continue;
      }
      if (response.type === "opaqueredirect") {
        throw new APIConnectionError(
          "The API answered with a redirect that cannot be followed",
          context,
        );
      }
      const text = await response.text();
      const data = parseBody(text, response.headers.get("content-type"));
      if (!response.ok && !request.acceptStatus?.includes(response.status)) {
        throw createAPIError({
          ...context,
          status: response.status,
          body: data,
          headers: response.headers,
        });
      }
      return { status: response.status, headers: response.headers, data };
    }
  } catch (error) {
    if (request.signal?.aborted) {
      throw new APIUserAbortError("Request aborted", { ...context, cause: request.signal.reason });
    }
    if (scope.timedOut) {
      throw new APIConnectionTimeoutError(`Request timed out after ${timeout} ms`, {
        ...context,
        timeout,
      });
    }
    if (error instanceof PhalaCloudError) throw error;
    throw new APIConnectionError(
      `Connection failed: ${error instanceof Error ? error.message : String(error)}`,
      { ...context, cause: error },
    );
  } finally {
    scope.dispose();
  }
}
