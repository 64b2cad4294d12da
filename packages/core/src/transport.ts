import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ConflictError,
  createAPIError,
  type ErrorContext,
  PhalaCloudError,
  RequestValidationError,
  ResponseTooLargeError,
} from "./errors";
import {
  type DeprecationNotice,
  deprecationNotice,
  type HookLists,
  NO_HOOKS,
  type RequestEvent,
  redactHeaders,
  runHooks,
} from "./hooks";
import { createLog, type Log } from "./logger";
import {
  backoffDelay,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_TIME_MS,
  isRetriedForEveryMethod,
  isRetriedMethod,
  MAX_RETRY_AFTER_MS,
  MIN_ATTEMPT_MS,
  type RetryReason,
  retryReasonForStatus,
  sleep,
} from "./retry";
import { retryAfterMs } from "./retry-after";
import { type ApiKey, bodyExcerpt, scrubText } from "./secret";
import { checkSettings } from "./settings";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue | readonly QueryValue[]>;

/** The fetch the SDK calls: the runtime's global fetch, or one a caller or adapter supplies. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** 10 MiB: the default bound on a response body. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** What the client holds for every request it makes; shared by derived clients. */
export interface TransportState {
  readonly apiKey: ApiKey | undefined;
  readonly baseURL: string;
  readonly fetch: FetchLike | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeout: number;
  readonly validateResponses: boolean;
  /** Retries after the first attempt. Default 2. */
  readonly maxRetries?: number;
  /** Milliseconds all attempts and waits of one call may take. Default 60000. */
  readonly maxRetryTime?: number;
  /** Largest response body read, in bytes. Default 10 MiB. */
  readonly maxResponseBytes?: number;
  readonly hooks?: HookLists;
  readonly log?: Log;
  /** API versions whose deprecation was already reported by this client (and its derived clients). */
  readonly deprecationsSeen?: Set<string>;
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
  /** Milliseconds per attempt. */
  timeout?: number | undefined;
  /** Non-2xx statuses returned as a response instead of raised as an error. */
  acceptStatus?: readonly number[] | undefined;
  maxRetries?: number | undefined;
  maxRetryTime?: number | undefined;
  /** Retry POST and PATCH too: the caller says repeating the call is safe. */
  retryNonIdempotent?: boolean | undefined;
  maxResponseBytes?: number | undefined;
  /**
   * The caller reads the body of a 2xx response itself (an event stream): it is
   * returned unread, and the caller also owns the retry policy and the final
   * `onError` report. An error status is still read (bounded) and thrown.
   */
  stream?: boolean | undefined;
  /** The number of the first attempt, for a caller that retries on its own (default 1). */
  firstAttempt?: number | undefined;
}

export interface TransportResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text when the body is not JSON, undefined when empty. */
  data: unknown;
  /** The final response; its body has been read. */
  response: Response;
  /** The body as received; empty when the request asked for the stream. */
  text: string;
  /** Why the body is not the JSON it says it is (`Unexpected end of JSON input at position 12`). */
  jsonError: string | undefined;
  /** The `accept` header the request was sent with. */
  accept: string | null;
  /** The response's `content-type` header. */
  contentType: string | null;
  requestId: string | undefined;
  /** The number of the attempt that answered (1 when not retried). */
  attempt: number;
}

/**
 * `@phala/cloud-core`'s version from its package.json, defined by its build
 * (tsup.config.ts, vitest.config.ts); `0.0.0-dev` when the source is bundled
 * without it.
 */
declare const __PHALA_CLOUD_CORE_VERSION__: string | undefined;
const SDK_NAME = "phala-cloud-sdk-ts";
const SDK_VERSION =
  typeof __PHALA_CLOUD_CORE_VERSION__ === "string" ? __PHALA_CLOUD_CORE_VERSION__ : "0.0.0-dev";
const MAX_REDIRECTS = 5;
// Headers the SDK owns: a caller's copy would make the request disagree with
// the schema used to read its answer, or send credentials the client does not hold.
const OWNED_HEADERS = ["x-phala-version", "x-api-key"];
const SILENT_LOG = /* @__PURE__ */ createLog("off", undefined);

// Characters a URL path keeps as they are, without "." and "%" (no dot segment,
// plain or encoded): such a path needs no URL parse to be appended to the base.
const PLAIN_PATH = /^\/[\w\-~!$&'()*+,;=:@/]*$/;

/** What every request of a client shares, worked out on its first request. */
interface Prepared {
  /** The base URL without trailing slashes. */
  base: string;
  /** True when `base` + a plain path is already the URL the parser would give. */
  plainBase: boolean;
  /** Config headers (lower-cased, the SDK's own removed), defaults and the API key. */
  headers: Readonly<Record<string, string>>;
}

const PREPARED = new WeakMap<TransportState, Prepared>();

function prepare(state: TransportState): Prepared {
  let prepared = PREPARED.get(state);
  if (prepared) return prepared;
  const base = state.baseURL.replace(/\/+$/, "");
  // Every character a plain path may hold: when the parser gives this back
  // unchanged, it gives back the base followed by any plain path unchanged.
  const probe = `${base}/_-~!$&'()*+,;=:@/`;
  // Through Headers once: names lower-cased, values checked and trimmed as fetch would.
  const headers = new Headers(state.headers);
  for (const name of OWNED_HEADERS) headers.delete(name);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  if (!headers.has("user-agent")) headers.set("user-agent", `${SDK_NAME}/${SDK_VERSION}`);
  if (state.apiKey) headers.set("x-api-key", state.apiKey.reveal());
  // The version is set on each copy: a slot for it here keeps that a plain store.
  const record: Record<string, string> = { "x-phala-version": "" };
  headers.forEach((value, name) => {
    record[name] = value;
  });
  prepared = {
    base,
    plainBase: new URL(probe).href === probe,
    headers: record,
  };
  PREPARED.set(state, prepared);
  return prepared;
}

function addQuery(url: URL, query: QueryParams | undefined): string {
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

export function buildURL(baseURL: string, path: string, query?: QueryParams): string {
  const base = new URL(baseURL);
  // A path is always appended below the base URL: one that does not start with
  // "/" (".evil.test", "@evil.test") would otherwise move the request to another host.
  const url = new URL(baseURL.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`));
  if (url.origin !== base.origin) {
    throw new PhalaCloudError(`Refused path ${JSON.stringify(path)}: it leaves the API origin`);
  }
  return addQuery(url, query);
}

/** `buildURL` without a URL parse when the base and the path are already plain (one parse with a query). */
function requestURL(state: TransportState, prepared: Prepared, path: string, query?: QueryParams) {
  if (!prepared.plainBase || !PLAIN_PATH.test(path)) return buildURL(state.baseURL, path, query);
  const url = prepared.base + path;
  return query ? addQuery(new URL(url), query) : url;
}

/**
 * The request's headers as a plain record, names lower-cased: the client's
 * (prepared once), the call's, then the SDK's own, which nobody overrides.
 */
export function buildHeaders(
  state: TransportState,
  request: TransportRequest,
): Record<string, string> {
  const headers = { ...prepare(state).headers };
  const extra = request.headers;
  if (extra) {
    let given: Headers | undefined;
    for (const name in extra) {
      given ??= new Headers();
      given.set(name, extra[name] as string);
    }
    given?.forEach((value, name) => {
      if (!OWNED_HEADERS.includes(name)) headers[name] = value;
    });
  }
  headers["x-phala-version"] = request.apiVersion;
  if (request.body !== undefined && headers["content-type"] === undefined) {
    headers["content-type"] = "application/json";
  }
  return headers;
}

/** A string body the action labelled with a non-JSON type (a YAML file, a script) goes as is. */
function isRawText(body: unknown, headers: Record<string, string>): body is string | undefined {
  if (body === undefined) return true;
  return typeof body === "string" && !headers["content-type"]?.includes("json");
}

/** Node and browsers word JSON errors differently; the position is what helps. */
function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  const position = match
    ? Number(match[1])
    : /end of (JSON )?input/i.test(message)
      ? text.length
      : undefined;
  const reason = message.replace(/\s*\(line \d+ column \d+\)/, "").split("\n")[0] ?? message;
  return position === undefined
    ? reason
    : `${reason.replace(/ at position \d+.*$/, "")} at position ${position}`;
}

function parseBody(
  text: string,
  contentType: string | null,
): { data: unknown; jsonError: string | undefined } {
  if (text.length === 0) return { data: undefined, jsonError: undefined };
  const labelledJson = contentType?.includes("json") ?? false;
  const looksJson = labelledJson || /^\s*[[{"]/.test(text);
  if (!looksJson) return { data: text, jsonError: undefined };
  try {
    return { data: JSON.parse(text), jsonError: undefined };
  } catch (error) {
    // Unlabelled text that merely starts like JSON is text; a JSON label makes it broken JSON.
    return { data: text, jsonError: labelledJson ? describeJsonError(error, text) : undefined };
  }
}

/** What an abort must stop at once: the pending fetch, or the body being read. */
type Interrupt = (reason: unknown) => void;

/** One attempt: its signal, aborted by the call or by its own timeout; `dispose` clears both. */
interface AttemptScope {
  readonly signal: AbortSignal;
  /** `signal.aborted`, without the cost of its getter. */
  readonly aborted: boolean;
  readonly timedOut: boolean;
  /** Run on abort, after the signal: a fetch or a body that ignores the signal still ends. */
  interrupt: Interrupt | undefined;
  dispose(): void;
}

function attemptScope(callSignal: AbortSignal | undefined, timeout: number): AttemptScope {
  const controller = new AbortController();
  const abort = (reason?: unknown) => {
    scope.aborted = true;
    controller.abort(reason);
    scope.interrupt?.(controller.signal.reason);
  };
  const onCallAbort = () => abort(callSignal?.reason);
  const timer =
    timeout > 0 && Number.isFinite(timeout)
      ? setTimeout(() => {
          scope.timedOut = true;
          abort();
        }, timeout)
      : undefined;
  const scope = {
    signal: controller.signal,
    aborted: false,
    timedOut: false,
    interrupt: undefined as Interrupt | undefined,
    dispose() {
      clearTimeout(timer);
      callSignal?.removeEventListener("abort", onCallAbort);
    },
  };
  if (callSignal?.aborted) abort(callSignal.reason);
  else callSignal?.addEventListener("abort", onCallAbort, { once: true });
  return scope;
}

const ignore = () => {};

/** Rejects with the signal's reason as soon as the attempt aborts, whatever `promise` does. */
function untilAborted<T>(promise: Promise<T>, scope: AttemptScope): Promise<T> {
  if (scope.aborted) {
    promise.catch(ignore);
    return Promise.reject(scope.signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    scope.interrupt = reject;
    promise.then(resolve, reject);
  });
}

let utf8: TextDecoder | undefined;

/** The chunks as one UTF-8 string: one decode, with a decoder shared by every call (decode without `stream` keeps no state). */
function decodeChunks(chunks: readonly Uint8Array[], size: number): string {
  if (chunks.length === 0) return "";
  utf8 ??= new TextDecoder();
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return utf8.decode(bytes);
}

/**
 * Reads the body as a stream, at most `limit` bytes: past the limit it cancels
 * the stream (the rest is never downloaded) and throws. An abort cancels the read.
 */
async function readBody(
  response: Response,
  headers: Headers,
  limit: number,
  scope: AttemptScope,
  context: () => ErrorContext & { status: number; requestId: string | undefined },
): Promise<string> {
  const tooLarge = () => new ResponseTooLargeError({ ...context(), limit });
  const declared = Number(headers.get("content-length"));
  const stream = response.body;
  if (Number.isFinite(declared) && declared > limit) {
    stream?.cancel().catch(ignore);
    throw tooLarge();
  }
  if (!stream) return "";
  const reader = stream.getReader();
  const { signal } = scope;
  // A cancelled reader ends a pending read (done), so the loop below sees the abort at once.
  scope.interrupt = (reason) => {
    reader.cancel(reason).catch(ignore);
  };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      // Checked before and after each read: an abort before `interrupt` was set,
      // or one that ended the read early.
      if (scope.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (scope.aborted) throw signal.reason;
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    // Past the limit, aborted or broken: the rest of the body is never downloaded.
    reader.cancel(signal.aborted ? signal.reason : undefined).catch(ignore);
    throw error;
  } finally {
    scope.interrupt = undefined;
  }
  return decodeChunks(chunks, size);
}

/**
 * A signal of the SDK's own that aborts when `parent` does; `dispose` removes the
 * one listener it puts on `parent`.
 */
function follow(parent: AbortSignal) {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => parent.removeEventListener("abort", onAbort),
  };
}

// Connection errors that are the server's answer (a redirect the SDK refuses),
// not a network failure: asking again would get the same answer.
const NOT_RETRIED = new WeakSet<object>();

function finalError<E extends Error>(error: E): E {
  NOT_RETRIED.add(error);
  return error;
}

/** Why a failed attempt may be retried, or undefined when it must not be. */
export function retryReasonOf(error: unknown): RetryReason | undefined {
  // A WeakSet answers false for a primitive, and a primitive is no class's instance.
  if (NOT_RETRIED.has(error as object)) return undefined;
  if (error instanceof APIConnectionTimeoutError) return "timeout";
  if (error instanceof APIConnectionError) return "connection_error";
  if (error instanceof ConflictError) return error.operationInProgress ? "http_409" : undefined;
  if (error instanceof APIError) return retryReasonForStatus(error.status);
  return undefined;
}

/** What a failed attempt adds to the event of an `onRetry` or `onError` hook. */
export function failureFields(error: PhalaCloudError) {
  return {
    status: error.status,
    error,
    retryReason: retryReasonOf(error),
    requestId: error.requestId,
  } satisfies Partial<RequestEvent>;
}

interface Attempt {
  number: number;
  /** Milliseconds this attempt may take. */
  timeout: number;
}

interface CallSetup {
  state: TransportState;
  request: TransportRequest;
  context: ErrorContext;
  fetch: FetchLike;
  url: string;
  headers: Record<string, string>;
  /** The body as sent. */
  body: string | undefined;
  log: Log;
  hooks: HookLists;
  maxResponseBytes: number;
}

/**
 * Runs the `name` hooks with the attempt's event plus `extra`. The event (and
 * its redacted copy of the headers) is only made when a hook listens.
 */
function notify(
  setup: CallSetup,
  name: Exclude<keyof HookLists, "onDeprecation">,
  attempt: Attempt,
  url: string,
  extra?: Partial<RequestEvent>,
): void {
  const hooks = setup.hooks[name];
  if (hooks.length === 0) return;
  const event: RequestEvent = {
    attempt: attempt.number,
    method: setup.request.method,
    url,
    headers: redactHeaders(setup.headers, setup.state.apiKey),
    apiVersion: setup.request.apiVersion,
    endpoint: setup.request.endpoint,
    ...extra,
  };
  runHooks(hooks, event, setup.log, name, setup.state.apiKey);
}

/** Runs a client's `name` hooks with `event`, for a caller outside `sendRequest` (a stream's reconnections). */
export function reportToHooks(
  state: TransportState,
  name: Exclude<keyof HookLists, "onDeprecation">,
  event: RequestEvent,
): void {
  const hooks = (state.hooks ?? NO_HOOKS)[name];
  if (hooks.length > 0) runHooks(hooks, event, state.log ?? SILENT_LOG, name, state.apiKey);
}

function reportDeprecation(setup: CallSetup, notice: DeprecationNotice, url: string) {
  const seen = setup.state.deprecationsSeen;
  const version = setup.request.apiVersion;
  if (!seen || seen.has(version)) return;
  seen.add(version);
  const parts = [
    notice.deprecation && `Deprecation: ${notice.deprecation}`,
    notice.sunset && `Sunset: ${notice.sunset}`,
  ]
    .filter(Boolean)
    .join(", ");
  setup.log.warn(`API version ${version} is deprecated (${parts}); move to a newer version`, {
    apiVersion: version,
    ...notice,
  });
  runHooks(
    setup.hooks.onDeprecation,
    { ...notice, apiVersion: version, endpoint: setup.request.endpoint, url },
    setup.log,
    "onDeprecation",
    setup.state.apiKey,
  );
}

/** One attempt: fetch, follow same-origin redirects, read the body, map an error status. */
async function sendAttempt(
  setup: CallSetup,
  attempt: Attempt,
  /** The call's own signal, following the caller's; undefined when the caller gave none. */
  callSignal: AbortSignal | undefined,
): Promise<TransportResponse> {
  const { state, request, context, headers, log } = setup;
  const scope = attemptScope(callSignal, attempt.timeout);
  // The duration is for onResponse hooks and the debug log only.
  const timed = setup.hooks.onResponse.length > 0 || log.enabled("debug");
  const started = timed ? performance.now() : 0;
  let { url, body } = setup;
  let method: string = request.method;
  let status: number | undefined;
  let requestId: string | undefined;
  notify(setup, "onRequest", attempt, url);
  if (log.enabled("debug")) {
    log.debug(`→ ${method} ${url} (attempt ${attempt.number})`, {
      headers: redactHeaders(headers, state.apiKey),
    });
  }
  try {
    for (let redirects = 0; ; redirects++) {
      // Called unbound: Workers' fetch throws "Illegal invocation" when `this` is another object.
      const fetchImpl = setup.fetch;
      const response = await untilAborted(
        fetchImpl(url, { method, headers, body, signal: scope.signal, redirect: "manual" }),
        scope,
      );
      // Each getter of an undici Response checks its receiver: read each once.
      const code = response.status;
      const responseHeaders = response.headers;
      const ok = response.ok;
      status = code;
      requestId = responseHeaders.get("x-request-id") ?? undefined;
      const location = code >= 300 && code < 400 ? responseHeaders.get("location") : null;
      if (location) {
        await response.body?.cancel().catch(ignore);
        const next = new URL(location, url);
        const apiOrigin = new URL(state.baseURL).origin;
        if (next.origin !== apiOrigin) {
          throw finalError(
            new APIConnectionError(
              `Refused a redirect to another origin (${next.origin}): the API key is only sent to ${apiOrigin}`,
              { ...context, status: code, requestId },
            ),
          );
        }
        if (redirects >= MAX_REDIRECTS) {
          throw finalError(
            new APIConnectionError(`Too many redirects (more than ${MAX_REDIRECTS})`, context),
          );
        }
        if (code === 303) {
          method = "GET";
          body = undefined;
          delete headers["content-type"];
        }
        url = next.href;
        continue;
      }
      // An opaque redirect has status 0, so it is never ok.
      if (!ok && response.type === "opaqueredirect") {
        throw finalError(
          new APIConnectionError(
            "The API answered with a redirect that cannot be followed",
            context,
          ),
        );
      }
      const accepted = ok || (request.acceptStatus?.includes(code) ?? false);
      // A stream's body is its caller's to read.
      const rawText =
        accepted && request.stream
          ? ""
          : await readBody(response, responseHeaders, setup.maxResponseBytes, scope, () => ({
              ...context,
              status: code,
              requestId,
            }));
      // An error body is shown in messages and excerpts: it must not echo the key back.
      const text = accepted ? rawText : scrubText(rawText, state.apiKey);
      const contentType = responseHeaders.get("content-type");
      const { data, jsonError } = parseBody(text, contentType);
      const notice = deprecationNotice(responseHeaders);
      if (timed) {
        const durationMs = performance.now() - started;
        notify(setup, "onResponse", attempt, url, {
          status: code,
          durationMs,
          requestId,
          ...(notice ? { deprecation: notice } : {}),
        });
        if (log.enabled("debug")) {
          log.debug(`← ${code} ${method} ${url} in ${Math.round(durationMs)} ms`, { requestId });
        }
      }
      if (notice) reportDeprecation(setup, notice, url);
      if (!accepted) {
        throw createAPIError({
          ...context,
          status: code,
          body: data,
          headers: responseHeaders,
          bodyExcerpt: bodyExcerpt(text, state.apiKey),
        });
      }
      return {
        status: code,
        headers: responseHeaders,
        data,
        response,
        text,
        jsonError,
        accept: headers.accept ?? null,
        contentType,
        requestId,
        attempt: attempt.number,
      };
    }
  } catch (error) {
    if (callSignal?.aborted) {
      throw new APIUserAbortError("Request aborted", {
        ...context,
        cause: request.signal?.reason ?? callSignal.reason,
      });
    }
    if (scope.timedOut) {
      throw new APIConnectionTimeoutError(`Request timed out after ${attempt.timeout} ms`, {
        ...context,
        timeout: attempt.timeout,
        status,
        requestId,
      });
    }
    if (error instanceof PhalaCloudError) throw error;
    throw new APIConnectionError(
      `Connection failed: ${scrubText(error instanceof Error ? error.message : String(error), state.apiKey)}`,
      { ...context, cause: error, requestId },
    );
  } finally {
    scope.dispose();
  }
}

/**
 * build URL -> headers -> [fetch (per-attempt timeout, caller's signal, redirects
 * kept to the API origin) -> read the body (bounded) -> map an error status] ->
 * retry what may be retried, with backoff, within the call's time bound.
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
  const url = requestURL(state, prepare(state), request.path, request.query);
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
  // The client's own settings were checked when it was made.
  if (
    request.timeout !== undefined ||
    request.maxRetries !== undefined ||
    request.maxRetryTime !== undefined ||
    request.maxResponseBytes !== undefined
  ) {
    checkSettings(
      {
        timeout,
        maxRetries: request.maxRetries,
        maxRetryTime: request.maxRetryTime,
        maxResponseBytes: request.maxResponseBytes,
      },
      (path, _value, message) => {
        throw new RequestValidationError({ ...context, issues: [{ path, message }] });
      },
    );
  }
  const maxRetries = request.maxRetries ?? state.maxRetries ?? DEFAULT_MAX_RETRIES;
  // POST and PATCH are repeated only after an answer that says nothing was done.
  const retriesAnyFailure = isRetriedMethod(request.method, request.retryNonIdempotent === true);
  const maxRetryTime = request.maxRetryTime ?? state.maxRetryTime ?? DEFAULT_MAX_RETRY_TIME_MS;
  const setup: CallSetup = {
    state,
    request,
    context,
    fetch: fetchImpl,
    url,
    headers,
    body,
    log: state.log ?? SILENT_LOG,
    hooks: state.hooks ?? NO_HOOKS,
    maxResponseBytes:
      request.maxResponseBytes ?? state.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
  // Created last: from here on, `finally` is what removes the caller's listener.
  const call = request.signal ? follow(request.signal) : undefined;
  const started = performance.now();
  let attempt: Attempt = { number: request.firstAttempt ?? 1, timeout };
  try {
    for (;;) {
      try {
        return await sendAttempt(setup, attempt, call?.signal);
      } catch (error) {
        const reason = retryReasonOf(error);
        if (
          reason === undefined ||
          !(retriesAnyFailure || isRetriedForEveryMethod(reason)) ||
          attempt.number - (request.firstAttempt ?? 1) >= maxRetries
        ) {
          throw error;
        }
        const retryAfter = retryAfterMs((error as { headers?: unknown }).headers);
        if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
          // Waiting that long inside a call would look like a hang: hand the wait to the caller.
          throw error;
        }
        const delayMs = retryAfter ?? backoffDelay(attempt.number);
        const elapsed = performance.now() - started;
        // Never start a wait, or an attempt, that the time bound would cut short.
        if (elapsed + delayMs + MIN_ATTEMPT_MS > maxRetryTime) throw error;
        notify(setup, "onRetry", attempt, url, {
          ...failureFields(error as PhalaCloudError),
          delayMs,
        });
        setup.log.info(
          `Retrying ${request.method} ${request.path} in ${delayMs} ms (${reason}, attempt ${attempt.number + 1} of ${maxRetries + 1})`,
        );
        await sleep(delayMs, call?.signal, context);
        const remaining = maxRetryTime - (performance.now() - started);
        attempt = {
          number: attempt.number + 1,
          // A later attempt may not run past the call's time bound.
          timeout:
            timeout > 0
              ? Math.max(1, Math.min(timeout, Math.floor(remaining)))
              : Math.max(1, Math.floor(remaining)),
        };
      }
    }
  } catch (error) {
    const failure =
      error instanceof PhalaCloudError
        ? error
        : new PhalaCloudError(String(error), { ...context, cause: error });
    if (!request.stream) {
      notify(setup, "onError", attempt, url, failureFields(failure));
    }
    setup.log.debug(`✗ ${request.method} ${request.path}: ${failure.message}`);
    throw failure;
  } finally {
    call?.dispose();
  }
}
