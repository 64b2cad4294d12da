import {
  type CvmStateEventData,
  type CvmStateStreamEvent,
  cvmStateEventDataSchemas,
} from "@phala/cloud-schemas";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { invalidArguments, readableIssues, requireString, type SafeResult } from "../../action";
import { type AnyClient, getClientState } from "../../client";
import { CVM_ID_KEYS, type CvmIdInput, normalizeCvmId } from "../../cvm-id";
import {
  APIConnectionError,
  APIUserAbortError,
  type ErrorContext,
  PhalaCloudError,
  RateLimitError,
  ResponseTooLargeError,
  ResponseValidationError,
  type ValidationIssue,
} from "../../errors";
import { sleep } from "../../retry";
import { DEFAULT_MAX_RESPONSE_BYTES, retryReasonOf, type TransportState } from "../../transport";
import { type ApiVersion, resolveApiVersion } from "../../versions";
import { CvmStateWatchError, CvmStateWatchTimeoutError } from "./errors";
import {
  asStreamError,
  type EventStreamRequest,
  openEventStream,
  reportStreamHook,
} from "./event-stream-request";
import { type ServerSentEvent, ServerSentEventParser } from "./sse-parser";

const ENDPOINT = "watchCvmState";
const DEFAULT_MAX_RECONNECTS = 3;
const DEFAULT_RECONNECT_DELAY_MS = 1000;
const MAX_RECONNECT_DELAY_MS = 30_000;
/** The server's default `interval`, for the idle limit when none is given. */
const SERVER_DEFAULT_INTERVAL_S = 5;
/** The streams of `GET /cvms/{id}/state` one user may hold open at once; one more is answered 429. */
const MAX_CONCURRENT_STATE_STREAMS = 5;

/** The CVM, by any of its ids, and what to wait for. */
export type WatchCvmStateArgs = CvmIdInput & {
  /** The status to wait for (`running`, `stopped`, ...), sent as the `target` query parameter. */
  target: string;
  /** Whole seconds between `state` events, 5 to 30 (the API's default 5). */
  interval?: number;
  /** Whole seconds before the server gives up with a `timeout` event, 10 to 600 (the API's default 300). */
  timeout?: number;
};

export interface WatchCvmStateOptions {
  /** Aborts the watch at once with `APIUserAbortError`. */
  signal?: AbortSignal;
  /** Called with each validated event, in order, before the watch acts on it. */
  onEvent?: (event: CvmStateStreamEvent) => void;
  /**
   * Reconnections after a dropped connection, a silent stream or a 408/5xx,
   * counted since the last event received. Default 3; 401, 403, 404 and other
   * 4xx are thrown at once, and so is a 429: the API's limit of concurrent
   * state streams per user (`RateLimitError`).
   */
  maxReconnects?: number;
  /** Milliseconds before the first reconnection, doubled for each next one (at most 30 s). Default 1000. */
  reconnectDelay?: number;
  /**
   * Milliseconds without a byte from the server before the connection counts
   * as dropped. Default: the client's timeout, and at least three intervals.
   */
  idleTimeout?: number;
  /** Send this version for this watch alone. */
  version?: ApiVersion;
  /** Extra headers. `X-Phala-Version` and `X-API-Key` are the SDK's own. */
  headers?: Record<string, string>;
}

interface WatchPlan {
  path: string;
  query: { target: string; interval?: number; timeout?: number };
  intervalSeconds: number;
}

/** Whole seconds within the API's bounds for the parameter. */
function seconds(
  args: Record<string, unknown>,
  key: string,
  [min, max]: readonly [number, number],
  issues: ValidationIssue[],
) {
  const value = args[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    issues.push({ path: key, message: `expected whole seconds from ${min} to ${max}` });
    return undefined;
  }
  return value;
}

function planWatch(args: WatchCvmStateArgs): WatchPlan {
  if (typeof args !== "object" || args === null) {
    invalidArguments(ENDPOINT, [{ path: "", message: "expected { id, target }" }]);
  }
  const given = args as Record<string, unknown>;
  const cvmId = normalizeCvmId(ENDPOINT, args);
  const target = requireString(ENDPOINT, args, "target").trim();
  const issues: ValidationIssue[] = [];
  const interval = seconds(given, "interval", [5, 30], issues);
  const timeout = seconds(given, "timeout", [10, 600], issues);
  for (const key of Object.keys(given)) {
    if (![...CVM_ID_KEYS, "target", "interval", "timeout"].includes(key)) {
      const hint =
        key === "maxRetries" || key === "retryDelay"
          ? "; reconnections are set by `maxReconnects` / `reconnectDelay` in the options"
          : "";
      issues.push({
        path: key,
        message: `unknown argument; expected the CVM id, target, interval, timeout${hint}`,
      });
    }
  }
  if (issues.length) invalidArguments(ENDPOINT, issues);
  return {
    path: `/cvms/${encodeURIComponent(cvmId)}/state`,
    query: { target, interval, timeout },
    intervalSeconds: interval ?? SERVER_DEFAULT_INTERVAL_S,
  };
}

function checkOptions(options: WatchCvmStateOptions) {
  const issues: ValidationIssue[] = [];
  const count = (key: "maxReconnects", fallback: number) => {
    const value = options[key];
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < 0) {
      issues.push({ path: key, message: "expected an integer >= 0" });
    }
    return value;
  };
  const millis = (key: "reconnectDelay" | "idleTimeout", fallback: number) => {
    const value = options[key];
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !(value >= 0)) {
      issues.push({ path: key, message: "expected milliseconds >= 0" });
    }
    return value;
  };
  const maxReconnects = count("maxReconnects", DEFAULT_MAX_RECONNECTS);
  const reconnectDelay = millis("reconnectDelay", DEFAULT_RECONNECT_DELAY_MS);
  const idleTimeout = millis("idleTimeout", Number.NaN);
  if (options.onEvent !== undefined && typeof options.onEvent !== "function") {
    issues.push({ path: "onEvent", message: "expected a function" });
  }
  if (issues.length) invalidArguments(ENDPOINT, issues);
  return { maxReconnects, reconnectDelay, idleTimeout };
}

async function validateEvent(
  message: ServerSentEvent,
  context: ErrorContext,
): Promise<CvmStateStreamEvent | undefined> {
  if (!Object.hasOwn(cvmStateEventDataSchemas, message.event)) return undefined;
  const type = message.event as CvmStateStreamEvent["type"];
  const schema: StandardSchemaV1 = cvmStateEventDataSchemas[type];
  const fail = (issues: ValidationIssue[], body: unknown) =>
    new ResponseValidationError({
      ...context,
      endpoint: `${ENDPOINT} (${type} event)`,
      body,
      issues,
    });
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    throw fail([{ path: "", message: "event data is not JSON" }], message.data);
  }
  let result = schema["~standard"].validate(data);
  // The default build's schemas are built at their first validation, which is
  // asynchronous; later ones are synchronous and skip this turn.
  if (result instanceof Promise) result = await result;
  if (result.issues) {
    throw fail(readableIssues(result.issues), data);
  }
  return { type, data: result.value } as CvmStateStreamEvent;
}

/** The final state when the stream completed before any `state` event: only its status is known. */
function stateOfStatus(status: string): CvmStateEventData {
  return {
    status,
    derived_status: null,
    id: null,
    name: null,
    vm_uuid: null,
    instance_id: null,
    uptime: null,
    exited_at: null,
    boot_progress: null,
    boot_error: null,
    shutdown_progress: null,
  };
}

/**
 * Worth another connection: the network or the server failed, not the request
 * (the transport's own rule for retries, so a refused redirect is final too).
 */
function isReconnectable(error: unknown): boolean {
  return retryReasonOf(error) !== undefined;
}

function backoff(reconnection: number, baseDelay: number): number {
  const exponential = Math.min(baseDelay * 2 ** (reconnection - 1), MAX_RECONNECT_DELAY_MS);
  // Half fixed, half random: spreads clients that dropped together.
  return exponential / 2 + (Math.random() * exponential) / 2;
}

/**
 * A 429 to a state stream is the API's limit of concurrent streams per user:
 * another connection would be refused the same way until one of the others
 * ends, so it is not retried, and its message says what the limit is.
 */
function streamLimitError(error: RateLimitError): RateLimitError {
  const said =
    error.detail?.message ??
    (typeof error.body === "object" && error.body !== null
      ? (error.body as { detail?: unknown }).detail
      : undefined);
  const server = typeof said === "string" && said.trim() !== "" ? ` (${said.trim()})` : "";
  return new RateLimitError(
    {
      method: error.method,
      path: error.path,
      apiVersion: error.apiVersion,
      endpoint: error.endpoint,
      status: error.status,
      body: error.body,
      headers: error.headers,
      bodyExcerpt: error.bodyExcerpt,
    },
    `429 Too many concurrent CVM state streams${server}: the API allows ${MAX_CONCURRENT_STATE_STREAMS} open streams (watchCvmState) per user; end another watch before starting this one`,
  );
}

interface Attempt {
  transport: TransportState;
  plan: WatchPlan;
  apiVersion: string;
  headers: Record<string, string> | undefined;
  context: ErrorContext;
  watchSignal: AbortSignal;
  userAborted: () => boolean;
  idleTimeout: number;
  onEvent: WatchCvmStateOptions["onEvent"];
  /** The last `state` event's data, kept across connections. */
  lastState: CvmStateEventData | undefined;
  /** Whether the current connection delivered an event. */
  progressed: boolean;
  /** 1 for the first connection, 2 for the first reconnection, ... */
  number: number;
  /** The most characters one event may take (the client's `maxResponseBytes`). */
  maxEventLength: number;
}

/** The request of the current connection, as the transport and the hooks see it. */
function streamRequest(
  attempt: Attempt,
  signal: AbortSignal,
  timedOut: () => boolean,
): EventStreamRequest {
  return {
    path: attempt.plan.path,
    query: attempt.plan.query,
    apiVersion: attempt.apiVersion,
    endpoint: ENDPOINT,
    headers: attempt.headers,
    context: attempt.context,
    signal,
    userAborted: attempt.userAborted,
    timedOut,
    attempt: attempt.number,
  };
}

/**
 * One connection: resolves with the final state on `complete`; throws the
 * typed error of a terminal event, or of a failed or ended stream (which the
 * caller may reconnect after). Its timer and listener go away with it.
 */
async function streamOnce(attempt: Attempt): Promise<CvmStateEventData> {
  const controller = new AbortController();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let timedOut = false;
  // Cancelling the reader as well ends a pending read even where a fetch
  // implementation does not tie its body to the signal.
  const stop = () => {
    controller.abort();
    reader?.cancel().catch(() => {});
  };
  attempt.watchSignal.addEventListener("abort", stop, { once: true });
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const armIdleTimer = () => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    if (attempt.idleTimeout > 0 && Number.isFinite(attempt.idleTimeout)) {
      idleTimer = setTimeout(() => {
        timedOut = true;
        stop();
      }, attempt.idleTimeout);
    }
  };
  const request = streamRequest(attempt, controller.signal, () => timedOut);
  try {
    armIdleTimer();
    const response = await openEventStream(attempt.transport, request);
    reader = (response.body as ReadableStream<Uint8Array>).getReader();
    if (controller.signal.aborted) throw asStreamError(undefined, request);
    const decoder = new TextDecoder();
    const parser = new ServerSentEventParser();
    const tooLarge = () =>
      new ResponseTooLargeError({ ...attempt.context, status: 200, limit: attempt.maxEventLength });
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw asStreamError(error, request);
      }
      if (chunk.done) break;
      armIdleTimer();
      const messages = parser.push(decoder.decode(chunk.value, { stream: true }));
      if (parser.pendingLength > attempt.maxEventLength) throw tooLarge();
      for (const message of messages) {
        if (message.data.length > attempt.maxEventLength) throw tooLarge();
        const event = await validateEvent(message, attempt.context);
        if (!event) continue;
        attempt.progressed = true;
        attempt.onEvent?.(event);
        switch (event.type) {
          case "state":
            attempt.lastState = event.data;
            break;
          case "complete":
            return attempt.lastState ?? stateOfStatus(event.data.status);
          case "timeout":
            throw new CvmStateWatchTimeoutError({
              ...attempt.context,
              target: event.data.target,
              elapsed: event.data.elapsed,
              message: event.data.error,
              lastState: attempt.lastState,
            });
          case "error":
            throw new CvmStateWatchError({ ...attempt.context, event: event.data });
        }
      }
    }
    if (controller.signal.aborted) throw asStreamError(undefined, request);
    throw new APIConnectionError("The event stream ended before a final event", attempt.context);
  } finally {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    attempt.watchSignal.removeEventListener("abort", stop);
    if (reader) {
      reader.cancel().catch(() => {});
      reader.releaseLock();
    }
  }
}

/**
 * Follows `GET /cvms/{id}/state?target=...&interval=...&timeout=...` as
 * server-sent events until the CVM reaches `target`, and resolves with its last
 * reported state. `interval` (5-30 s) and `timeout` (10-600 s) outside the
 * API's bounds are refused before sending. The API allows 5 concurrent streams
 * per user: a sixth is answered 429, thrown at once as a `RateLimitError` that
 * says so (never reconnected).
 *
 * Differences from `@phala/cloud`'s `watchCvmState`, on purpose: a `timeout`
 * event rejects with `CvmStateWatchTimeoutError` (carrying the last state)
 * instead of reconnecting forever; reconnections are bounded (`maxReconnects`,
 * with exponential backoff) and never follow 401/403/404; an abort is the SDK's
 * `APIUserAbortError`; every event is validated, and the request carries
 * `X-Phala-Version` like every other call.
 */
export async function watchCvmState(
  client: AnyClient,
  args: WatchCvmStateArgs,
  options: WatchCvmStateOptions = {},
): Promise<CvmStateEventData> {
  const transport = getClientState(client);
  // `LATEST` is sent as the date it stands for, like every other call.
  const apiVersion = resolveApiVersion(options.version ?? client.version);
  const plan = planWatch(args);
  const { maxReconnects, reconnectDelay, idleTimeout } = checkOptions(options);
  const context: ErrorContext = { method: "GET", path: plan.path, apiVersion, endpoint: ENDPOINT };
  const userSignal = options.signal;
  if (userSignal?.aborted) {
    throw new APIUserAbortError("Watch aborted before it started", {
      ...context,
      cause: userSignal.reason,
    });
  }
  const watch = new AbortController();
  const onUserAbort = () => watch.abort(userSignal?.reason);
  userSignal?.addEventListener("abort", onUserAbort, { once: true });
  const attempt: Attempt = {
    transport,
    plan,
    apiVersion,
    headers: options.headers,
    context,
    watchSignal: watch.signal,
    userAborted: () => watch.signal.aborted,
    idleTimeout: Number.isNaN(idleTimeout)
      ? Math.max(transport.timeout, plan.intervalSeconds * 3000)
      : idleTimeout,
    onEvent: options.onEvent,
    lastState: undefined,
    progressed: false,
    number: 1,
    maxEventLength: transport.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
  const log = transport.log;
  try {
    let failures = 0;
    for (; ; attempt.number++) {
      attempt.progressed = false;
      try {
        return await streamOnce(attempt);
      } catch (error) {
        if (error instanceof RateLimitError) throw streamLimitError(error);
        if (!isReconnectable(error)) throw error;
        // A connection that delivered events was progress: count drops afresh.
        if (attempt.progressed) failures = 0;
        if (failures >= maxReconnects) throw error;
        failures += 1;
        const delayMs = Math.round(backoff(failures, reconnectDelay));
        const failure = error as PhalaCloudError;
        reportStreamHook(
          transport,
          "onRetry",
          streamRequest(attempt, watch.signal, () => false),
          failure,
          delayMs,
        );
        log?.info(
          `Reconnecting ${ENDPOINT} in ${delayMs} ms (${failure.message}; reconnection ${failures} of ${maxReconnects})`,
        );
        await sleep(delayMs, watch.signal, context, "Watch aborted");
      }
    }
  } catch (error) {
    if (error instanceof PhalaCloudError) {
      reportStreamHook(
        transport,
        "onError",
        streamRequest(attempt, watch.signal, () => false),
        error,
      );
      log?.debug(`✗ GET ${plan.path}: ${error.message}`);
    }
    throw error;
  } finally {
    userSignal?.removeEventListener("abort", onUserAbort);
    // Nothing may outlive the watch: this also ends any connection still open.
    watch.abort();
  }
}

/** `watchCvmState` that never throws: `{ success: true, data }` or `{ success: false, error }`. */
export async function safeWatchCvmState(
  client: AnyClient,
  args: WatchCvmStateArgs,
  options: WatchCvmStateOptions = {},
): Promise<SafeResult<CvmStateEventData>> {
  try {
    return { success: true, data: await watchCvmState(client, args, options) };
  } catch (error) {
    const wrapped =
      error instanceof PhalaCloudError
        ? error
        : new PhalaCloudError(
            `Unexpected error in ${ENDPOINT}: ${error instanceof Error ? error.message : String(error)}`,
            { endpoint: ENDPOINT, cause: error },
          );
    return { success: false, error: wrapped };
  }
}
