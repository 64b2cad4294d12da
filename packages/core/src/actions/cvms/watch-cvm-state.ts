import {
  type CvmStateEventData,
  type CvmStateStreamEvent,
  cvmStateEventDataSchemas,
} from "@phala/cloud-schemas";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import {
  invalidArguments,
  readableIssues,
  requireString,
  type SafeResult,
  toPhalaCloudError,
} from "../../action";
import { type AnyClient, getClientState } from "../../client-state";
import { CVM_ID_KEYS, type CvmIdInput, normalizeCvmId } from "../../cvm-id";
import {
  type ErrorContext,
  RateLimitError,
  ResponseValidationError,
  type ValidationIssue,
} from "../../errors";
import {
  consumeEventStream,
  DEFAULT_MAX_RESPONSE_BYTES,
  type ServerSentEvent,
  type StreamStep,
} from "../../transport";
import { type ApiVersion, resolveApiVersion } from "../../versions";
import { CvmStateWatchError, CvmStateWatchTimeoutError } from "../internal/watch-errors";

const ENDPOINT = "watchCvmState";
const DEFAULT_MAX_RECONNECTS = 3;
const DEFAULT_RECONNECT_DELAY_MS = 1000;
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

function planWatch(args: WatchCvmStateArgs) {
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

/** The message as a validated event; undefined for an event type the API does not document. */
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

/**
 * Follows `GET /cvms/{id}/state?target=...&interval=...&timeout=...` as
 * server-sent events until the CVM reaches `target`, and resolves with its last
 * reported state. `interval` (5-30 s) and `timeout` (10-600 s) outside the
 * API's bounds are refused before sending. The API allows 5 concurrent streams
 * per user: a sixth is answered 429, thrown at once as a `RateLimitError` that
 * says so (never reconnected). The stream itself (reconnections, idle limit,
 * event size bound, hooks) is the transport's `consumeEventStream`.
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
  const state = getClientState(client);
  // `LATEST` is sent as the date it stands for, like every other call.
  const apiVersion = resolveApiVersion(options.version ?? client.version);
  const plan = planWatch(args);
  const { maxReconnects, reconnectDelay, idleTimeout } = checkOptions(options);
  const context: ErrorContext = { method: "GET", path: plan.path, apiVersion, endpoint: ENDPOINT };
  let lastState: CvmStateEventData | undefined;
  return consumeEventStream(
    state,
    {
      path: plan.path,
      query: plan.query,
      apiVersion,
      endpoint: ENDPOINT,
      headers: options.headers,
      signal: options.signal,
    },
    {
      maxReconnects,
      reconnectDelay,
      idleTimeout: Number.isNaN(idleTimeout)
        ? Math.max(state.timeout, plan.intervalSeconds * 3000)
        : idleTimeout,
      maxEventLength: state.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      final: (error) => (error instanceof RateLimitError ? streamLimitError(error) : undefined),
    },
    async (message): Promise<StreamStep<CvmStateEventData>> => {
      const event = await validateEvent(message, context);
      if (!event) return undefined;
      options.onEvent?.(event);
      switch (event.type) {
        case "state":
          lastState = event.data;
          return undefined;
        case "complete":
          return { value: lastState ?? stateOfStatus(event.data.status) };
        case "timeout":
          throw new CvmStateWatchTimeoutError({
            ...context,
            target: event.data.target,
            elapsed: event.data.elapsed,
            message: event.data.error,
            lastState,
          });
        case "error":
          throw new CvmStateWatchError({ ...context, event: event.data });
      }
    },
  );
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
    return { success: false, error: toPhalaCloudError(error, ENDPOINT) };
  }
}
