import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  type ErrorContext,
  PhalaCloudError,
  ResponseTooLargeError,
} from "../errors";
import { NO_HOOKS } from "../hooks";
import { retryReasonOf, sleep } from "../retry";
import { scrubError, scrubText } from "../secret";
import { failureFields, notify, SILENT_LOG } from "./events";
import { buildHeaders } from "./headers";
import { sendRequest } from "./send";
import { ignore } from "./signals";
import { type ServerSentEvent, ServerSentEventParser } from "./sse-parser";
import type { QueryParams, TransportRequest, TransportState } from "./types";
import { requestURL } from "./url";

export type { ServerSentEvent } from "./sse-parser";

/** A `GET` answered with `text/event-stream`. */
export interface EventStreamRequest {
  path: string;
  query?: QueryParams | undefined;
  /** The `X-Phala-Version` value, exactly as it goes on the wire. */
  apiVersion: string;
  endpoint: string;
  headers?: Record<string, string> | undefined;
  /** Ends the stream at once with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
}

/** How long a stream may stay silent and how it comes back after a drop. */
export interface EventStreamPolicy {
  /** Reconnections in a row without a message in between. */
  maxReconnects: number;
  /** Milliseconds before the first reconnection, doubled for each next one (at most 30 s). */
  reconnectDelay: number;
  /** Milliseconds without a byte from the server before the connection counts as dropped. */
  idleTimeout: number;
  /** The most characters one message may take. */
  maxEventLength: number;
  /**
   * An error that ends the stream at once, in the form to throw (undefined:
   * the transport's rule, which reconnects after what a call would retry).
   */
  final?: ((error: PhalaCloudError) => PhalaCloudError | undefined) | undefined;
  /**
   * The error an abort by the caller's signal ends the stream with, from the
   * transport's message and context (undefined: `APIUserAbortError`).
   */
  abortError?:
    | ((message: string, options: ErrorContext & { cause: unknown }) => APIUserAbortError)
    | undefined;
}

/** What a handler makes of a message: `{ value }` ends the stream with that value. */
export type StreamStep<T> = { value: T } | undefined;

const MAX_RECONNECT_DELAY_MS = 30_000;

function userAbort(
  policy: EventStreamPolicy,
  message: string,
  context: ErrorContext,
  cause: unknown,
): APIUserAbortError {
  const options = { ...context, cause };
  return policy.abortError?.(message, options) ?? new APIUserAbortError(message, options);
}

function reconnectDelay(reconnection: number, baseDelay: number): number {
  const exponential = Math.min(baseDelay * 2 ** (reconnection - 1), MAX_RECONNECT_DELAY_MS);
  // Half fixed, half random: spreads clients that dropped together.
  return Math.round(exponential / 2 + (Math.random() * exponential) / 2);
}

interface Connection {
  state: TransportState;
  request: EventStreamRequest;
  policy: EventStreamPolicy;
  context: ErrorContext;
  /** Aborts with the caller's signal, and when the stream is over. */
  streamSignal: AbortSignal;
  /** 1 for the first connection, 2 for the first reconnection, ... */
  number: number;
  /** Whether this connection delivered a message. */
  progressed: boolean;
}

function transportRequest(connection: Connection, signal: AbortSignal): TransportRequest {
  const { request } = connection;
  return {
    method: "GET",
    path: request.path,
    query: request.query,
    apiVersion: request.apiVersion,
    endpoint: request.endpoint,
    headers: { accept: "text/event-stream", "cache-control": "no-cache", ...request.headers },
    signal,
    // The idle timer covers the connection; reconnections are the retries.
    timeout: 0,
    maxRetries: 0,
    stream: true,
    firstAttempt: connection.number,
  };
}

/** The typed error for a failure while connecting to or reading the stream. */
function streamError(error: unknown, connection: Connection, timedOut: boolean): PhalaCloudError {
  const { context } = connection;
  if (connection.streamSignal.aborted) {
    return userAbort(connection.policy, `${connection.request.endpoint} aborted`, context, error);
  }
  if (timedOut) {
    return new APIConnectionTimeoutError("No event from the stream in time", {
      ...context,
      cause: error,
    });
  }
  if (error instanceof PhalaCloudError) return error;
  return scrubError(
    new APIConnectionError(
      `Event stream failed: ${scrubText(error instanceof Error ? error.message : String(error), connection.state.apiKey)}`,
      { ...context, cause: error },
    ),
    connection.state.apiKey,
  );
}

/**
 * One connection, read until the handler ends the stream. Throws the typed
 * error of a failed or ended connection (which may be reconnected after), or
 * what the handler threw. Its timer and listener go away with it.
 */
async function readConnection<T>(
  connection: Connection,
  onMessage: (message: ServerSentEvent) => StreamStep<T> | Promise<StreamStep<T>>,
): Promise<T> {
  const { state, policy, context, streamSignal } = connection;
  const controller = new AbortController();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let timedOut = false;
  // Cancelling the reader as well ends a pending read even where a fetch
  // implementation does not tie its body to the signal.
  const stop = () => {
    controller.abort();
    reader?.cancel().catch(ignore);
  };
  streamSignal.addEventListener("abort", stop, { once: true });
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const armIdleTimer = () => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    if (policy.idleTimeout > 0 && Number.isFinite(policy.idleTimeout)) {
      idleTimer = setTimeout(() => {
        timedOut = true;
        stop();
      }, policy.idleTimeout);
    }
  };
  const tooLarge = () =>
    new ResponseTooLargeError({ ...context, status: 200, limit: policy.maxEventLength });
  try {
    armIdleTimer();
    let response: Response;
    try {
      ({ response } = await sendRequest(state, transportRequest(connection, controller.signal)));
    } catch (error) {
      throw streamError(error, connection, timedOut);
    }
    const contentType = response.headers.get("content-type") ?? "";
    if (!contentType.includes("text/event-stream") || !response.body) {
      await response.body?.cancel().catch(ignore);
      throw new PhalaCloudError(
        `Expected an event stream, got ${contentType || "no content type"}`,
        { ...context, status: response.status },
      );
    }
    reader = response.body.getReader();
    if (controller.signal.aborted) throw streamError(undefined, connection, timedOut);
    const decoder = new TextDecoder();
    const parser = new ServerSentEventParser();
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw streamError(error, connection, timedOut);
      }
      if (chunk.done) break;
      armIdleTimer();
      const messages = parser.push(decoder.decode(chunk.value, { stream: true }));
      if (parser.pendingLength > policy.maxEventLength) throw tooLarge();
      for (const message of messages) {
        if (message.data.length > policy.maxEventLength) throw tooLarge();
        const step = await onMessage(message);
        connection.progressed = true;
        if (step) return step.value;
      }
    }
    if (controller.signal.aborted) throw streamError(undefined, connection, timedOut);
    throw new APIConnectionError("The event stream ended before a final event", context);
  } finally {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    streamSignal.removeEventListener("abort", stop);
    if (reader) {
      reader.cancel().catch(ignore);
      reader.releaseLock();
    }
  }
}

/**
 * Reads a server-sent event stream through the request path, so it keeps every
 * rule of a call (the same URL and headers, redirects only within the API
 * origin, hooks and logs with the key redacted, an error status read, bounded,
 * into its typed error), and hands each message to `onMessage` until it returns
 * `{ value }`. A dropped or silent connection, or one answered with what a call
 * would retry, is reconnected with backoff, at most `maxReconnects` times in a
 * row without a message; hooks see each connection's `onRequest`/`onResponse`,
 * each reconnection's `onRetry` and the stream's one `onError`.
 */
export async function consumeEventStream<T>(
  state: TransportState,
  request: EventStreamRequest,
  policy: EventStreamPolicy,
  onMessage: (message: ServerSentEvent) => StreamStep<T> | Promise<StreamStep<T>>,
): Promise<T> {
  const context: ErrorContext = {
    method: "GET",
    path: request.path,
    apiVersion: request.apiVersion,
    endpoint: request.endpoint,
  };
  const userSignal = request.signal;
  if (userSignal?.aborted) {
    throw userAbort(
      policy,
      `${request.endpoint} aborted before it started`,
      context,
      userSignal.reason,
    );
  }
  const stream = new AbortController();
  const onUserAbort = () => stream.abort(userSignal?.reason);
  userSignal?.addEventListener("abort", onUserAbort, { once: true });
  const connection: Connection = {
    state,
    request,
    policy,
    context,
    streamSignal: stream.signal,
    number: 1,
    progressed: false,
  };
  const log = state.log ?? SILENT_LOG;
  // Hooks see the stream's own events as a call's: built only when one listens.
  const report = (name: "onRetry" | "onError", error: PhalaCloudError, delayMs?: number) => {
    const hooks = state.hooks ?? NO_HOOKS;
    if (hooks[name].length === 0) return;
    const sent = transportRequest(connection, stream.signal);
    notify(
      { state, request: sent, headers: buildHeaders(state, sent), hooks, log },
      name,
      connection,
      requestURL(state, request.path, request.query),
      { ...failureFields(error), ...(delayMs === undefined ? {} : { delayMs }) },
    );
  };
  try {
    let failures = 0;
    for (; ; connection.number++) {
      connection.progressed = false;
      try {
        return await readConnection(connection, onMessage);
      } catch (error) {
        const final = error instanceof PhalaCloudError ? policy.final?.(error) : undefined;
        if (final) throw final;
        // The transport's own rule for retries, so a refused redirect is final too.
        if (retryReasonOf(error) === undefined) throw error;
        // A connection that delivered messages was progress: count drops afresh.
        if (connection.progressed) failures = 0;
        if (failures >= policy.maxReconnects) throw error;
        failures += 1;
        const delayMs = reconnectDelay(failures, policy.reconnectDelay);
        const failure = error as PhalaCloudError;
        report("onRetry", failure, delayMs);
        log.info(
          `Reconnecting ${request.endpoint} in ${delayMs} ms (${failure.message}; reconnection ${failures} of ${policy.maxReconnects})`,
        );
        // `sleep` rejects only when the stream's signal aborts.
        await sleep(delayMs, stream.signal, context).catch(() => {
          throw userAbort(policy, `${request.endpoint} aborted`, context, stream.signal.reason);
        });
      }
    }
  } catch (error) {
    if (error instanceof PhalaCloudError) {
      report("onError", error);
      log.debug(`✗ GET ${request.path}: ${error.message}`);
    }
    throw error;
  } finally {
    userSignal?.removeEventListener("abort", onUserAbort);
    // Nothing may outlive the stream: this also ends any connection still open.
    stream.abort();
  }
}
