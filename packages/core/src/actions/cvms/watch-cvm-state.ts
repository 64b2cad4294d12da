import {
  type CvmStateEventData,
  type CvmStateStreamEvent,
  type CvmStateTimeoutEventData,
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
  APIConnectionTimeoutError,
  APIUserAbortError,
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
import {
  CvmStateWatchError,
  CvmStateWatchTimeoutError,
  MaxRetriesExceededError,
  WatchAbortedError,
} from "../internal/watch-errors";

const ENDPOINT = "watchCvmState";
const DEFAULT_MAX_RECONNECTS = 3;
const DEFAULT_RECONNECT_DELAY_MS = 1000;
/** The server's default `interval`, for the idle limit when none is given. */
const SERVER_DEFAULT_INTERVAL_S = 5;
/** The streams of `GET /cvms/{id}/state` one user may hold open at once; one more is answered 429. */
const MAX_CONCURRENT_STATE_STREAMS = 5;

/**
 * The CVM, by any of its ids, and what to wait for. `signal` and `onEvent` may
 * come here (as the official docs write them) or in the options, not both;
 * `maxRetries` and `retryDelay` are `@phala/cloud`'s reconnection settings.
 */
export type WatchCvmStateArgs = CvmIdInput & {
  /** The status to wait for (`running`, `stopped`, ...), sent as the `target` query parameter. */
  target: string;
  /** Whole seconds between `state` events, 5 to 30 (the API's default 5). */
  interval?: number;
  /**
   * Whole seconds before the server gives up with a `timeout` event, 10 to 600
   * (the API's default 300); per attempt when `maxRetries` is given.
   */
  timeout?: number;
  /** As the options' `signal`; give it in one place. */
  signal?: AbortSignal;
  /** As the options' `onEvent`; give it in one place. */
  onEvent?: (event: CvmStateStreamEvent) => void;
  /**
   * Attempts in all, the first included (`@phala/cloud`'s meaning; an integer
   * >= 1, or `Infinity`). Each connection is an attempt, and a server `timeout`
   * event starts the next one instead of rejecting; when the last attempt ends
   * with a `timeout` event the watch rejects with `MaxRetriesExceededError`,
   * otherwise with the last attempt's error. 401, 403, 404, other 4xx and 429
   * still end the watch at once. Not with the options' `maxReconnects`.
   * Not given (the default here, where `@phala/cloud`'s is `Infinity`): a
   * `timeout` event ends the watch, and drops follow `maxReconnects`.
   */
  maxRetries?: number;
  /**
   * Milliseconds before the next attempt: the options' `reconnectDelay` (a
   * base, jittered and doubled after each attempt without an event, at most
   * 30 s), under `@phala/cloud`'s name. Not with `reconnectDelay`. Default 1000.
   */
  retryDelay?: number;
};

export interface WatchCvmStateOptions {
  /** Aborts the watch at once with `WatchAbortedError`, an `APIUserAbortError`. */
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

/**
 * The arguments the action reads, beside the CVM id. Not spread into one
 * array at module level: a spread is a call a bundler keeps, and this module's
 * code would then reach every bundle of the package.
 */
const ARG_KEYS = ["target", "interval", "timeout", "signal", "onEvent", "maxRetries", "retryDelay"];

/** Settings the arguments (`@phala/cloud`'s place) and the options may both carry, at most once. */
const SAME_SETTING = [
  ["signal", "signal"],
  ["onEvent", "onEvent"],
  ["maxRetries", "maxReconnects"],
  ["retryDelay", "reconnectDelay"],
] as const;

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
  const { maxRetries } = args;
  if (
    maxRetries !== undefined &&
    maxRetries !== Number.POSITIVE_INFINITY &&
    !(Number.isInteger(maxRetries) && maxRetries >= 1)
  ) {
    issues.push({
      path: "maxRetries",
      message: "expected attempts in all, the first included: an integer >= 1, or Infinity",
    });
  }
  for (const key of Object.keys(given)) {
    if (!(CVM_ID_KEYS as readonly string[]).includes(key) && !ARG_KEYS.includes(key)) {
      issues.push({
        path: key,
        message:
          "unknown argument; expected the CVM id, target, interval, timeout, signal, onEvent, maxRetries, retryDelay",
      });
    }
  }
  if (issues.length) invalidArguments(ENDPOINT, issues);
  return {
    path: `/cvms/${encodeURIComponent(cvmId)}/state`,
    query: { target, interval, timeout },
    intervalSeconds: interval ?? SERVER_DEFAULT_INTERVAL_S,
    maxRetries,
  };
}

/** The watch's settings, from the options and their twins in the arguments. */
function checkOptions(args: WatchCvmStateArgs, given: WatchCvmStateOptions) {
  const issues: ValidationIssue[] = [];
  for (const [argKey, optionKey] of SAME_SETTING) {
    if (args[argKey] !== undefined && given[optionKey] !== undefined) {
      issues.push({
        path: argKey,
        message:
          argKey === optionKey
            ? "given in both the arguments and the options; give it in one place"
            : `given with the options' \`${optionKey}\`, which sets the same thing another way; give one of them`,
      });
    }
  }
  const options: WatchCvmStateOptions = {
    ...given,
    signal: args.signal ?? given.signal,
    onEvent: args.onEvent ?? given.onEvent,
    reconnectDelay: args.retryDelay ?? given.reconnectDelay,
  };
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
      const path = key === "reconnectDelay" && args.retryDelay !== undefined ? "retryDelay" : key;
      issues.push({ path, message: "expected milliseconds >= 0" });
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
  const { signal, onEvent } = options;
  return { maxReconnects, reconnectDelay, idleTimeout, signal, onEvent };
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
 * `@phala/cloud`'s forms work too: `signal` and `onEvent` in the arguments,
 * `maxRetries` (attempts in all; a server `timeout` event then starts the next
 * attempt, and ends the watch with `MaxRetriesExceededError` when none is
 * left) and `retryDelay`; an abort rejects with `WatchAbortedError`, an
 * `APIUserAbortError`.
 *
 * Differences from `@phala/cloud`'s `watchCvmState`, on purpose: without
 * `maxRetries` a `timeout` event rejects with `CvmStateWatchTimeoutError`
 * (carrying the last state) instead of reconnecting forever, and drops are
 * reconnected at most `maxReconnects` times in a row; every delay is jittered
 * and doubles after an attempt without an event (at most 30 s); 401, 403, 404,
 * other 4xx and 429 are never reconnected; every event is validated, and the
 * request carries `X-Phala-Version` like every other call.
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
  const settings = checkOptions(args, options);
  const { idleTimeout, onEvent, signal } = settings;
  const attempts = plan.maxRetries;
  const context: ErrorContext = { method: "GET", path: plan.path, apiVersion, endpoint: ENDPOINT };
  let lastState: CvmStateEventData | undefined;
  let lastTimeout: CvmStateTimeoutEventData | undefined;
  let made = 0;
  const timedOut = (data: CvmStateTimeoutEventData) => ({
    ...context,
    target: data.target,
    elapsed: data.elapsed,
    message: data.error,
    lastState,
  });
  return consumeEventStream(
    state,
    {
      path: plan.path,
      query: plan.query,
      apiVersion,
      endpoint: ENDPOINT,
      headers: options.headers,
      signal,
    },
    {
      // With `maxRetries`, `final` counts every attempt and ends the last one;
      // the transport's bound (in a row) is then never the first reached.
      maxReconnects: attempts === undefined ? settings.maxReconnects : attempts - 1,
      reconnectDelay: settings.reconnectDelay,
      idleTimeout: Number.isNaN(idleTimeout)
        ? Math.max(state.timeout, plan.intervalSeconds * 3000)
        : idleTimeout,
      maxEventLength: state.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      final: (error) => {
        if (error instanceof RateLimitError) return streamLimitError(error);
        if (attempts === undefined || error instanceof APIUserAbortError) return undefined;
        made += 1;
        if (made < attempts) return undefined;
        return error.cause instanceof CvmStateWatchTimeoutError && lastTimeout
          ? new MaxRetriesExceededError({ ...timedOut(lastTimeout), attempts: made })
          : error;
      },
      abortError: (message, abortContext) => new WatchAbortedError(message, abortContext),
    },
    async (message): Promise<StreamStep<CvmStateEventData>> => {
      const event = await validateEvent(message, context);
      if (!event) return undefined;
      onEvent?.(event);
      switch (event.type) {
        case "state":
          lastState = event.data;
          return undefined;
        case "complete":
          return { value: lastState ?? stateOfStatus(event.data.status) };
        case "timeout": {
          const error = new CvmStateWatchTimeoutError(timedOut(event.data));
          if (attempts === undefined) throw error;
          // The attempt's end, not the watch's: an error the transport
          // reconnects after, or that `final` turns into MaxRetriesExceededError.
          lastTimeout = event.data;
          throw new APIConnectionTimeoutError(
            `The server's watch ended at its timeout (${event.data.elapsed}s); starting another attempt`,
            { ...context, cause: error },
          );
        }
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
