import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  type ErrorContext,
  PhalaCloudError,
} from "../../errors";
import { type RequestEvent, redactHeaders } from "../../hooks";
import {
  buildHeaders,
  buildURL,
  failureFields,
  type QueryParams,
  reportToHooks,
  sendRequest,
  type TransportRequest,
  type TransportState,
} from "../../transport";

export interface EventStreamRequest {
  path: string;
  query: QueryParams;
  /** The `X-Phala-Version` value, exactly as it goes on the wire. */
  apiVersion: string;
  endpoint: string;
  headers: Record<string, string> | undefined;
  context: ErrorContext;
  /** Aborts the request and the body; the caller owns it. */
  signal: AbortSignal;
  /** True once the caller's own signal fired, so an abort is the user's, not a timeout. */
  userAborted: () => boolean;
  /** True once the caller timed the connection out. */
  timedOut: () => boolean;
  /** 1 for the first connection, 2 for the first reconnection, ... */
  attempt: number;
}

function transportRequest(request: EventStreamRequest): TransportRequest {
  return {
    method: "GET",
    path: request.path,
    query: request.query,
    apiVersion: request.apiVersion,
    endpoint: request.endpoint,
    headers: { accept: "text/event-stream", "cache-control": "no-cache", ...request.headers },
    signal: request.signal,
    // The watch's idle timer covers the connection; its reconnections are the retries.
    timeout: 0,
    maxRetries: 0,
    stream: true,
    firstAttempt: request.attempt,
  };
}

/**
 * Opens an event stream through the transport, so it keeps every rule of a
 * call: the same URL and headers, redirects only within the API origin, hooks
 * and logs with the key redacted, an error status read (bounded) into its typed
 * error. Resolves with the streaming 2xx response; the caller reads and releases
 * its body.
 */
export async function openEventStream(
  state: TransportState,
  request: EventStreamRequest,
): Promise<Response> {
  let response: Response;
  try {
    ({ response } = await sendRequest(state, transportRequest(request)));
  } catch (error) {
    throw asStreamError(error, request);
  }
  const contentType = response.headers.get("content-type") ?? "";
  if (!contentType.includes("text/event-stream") || !response.body) {
    await response.body?.cancel().catch(() => {});
    throw new PhalaCloudError(`Expected an event stream, got ${contentType || "no content type"}`, {
      ...request.context,
      status: response.status,
    });
  }
  return response;
}

/**
 * Runs the client's `onRetry` or `onError` hooks for the watch as a whole (the
 * transport reports each connection's `onRequest` and `onResponse`). The event
 * is only built when a hook listens.
 */
export function reportStreamHook(
  state: TransportState,
  name: "onRetry" | "onError",
  request: EventStreamRequest,
  error: PhalaCloudError,
  delayMs?: number,
): void {
  if (!state.hooks || state.hooks[name].length === 0) return;
  const event: RequestEvent = {
    attempt: request.attempt,
    method: "GET",
    url: buildURL(state.baseURL, request.path, request.query),
    headers: redactHeaders(buildHeaders(state, transportRequest(request)), state.apiKey),
    apiVersion: request.apiVersion,
    endpoint: request.endpoint,
    ...failureFields(error),
    ...(delayMs === undefined ? {} : { delayMs }),
  };
  reportToHooks(state, name, event);
}

/** The typed error for a failure while connecting to or reading the stream. */
export function asStreamError(error: unknown, request: EventStreamRequest): PhalaCloudError {
  const { context } = request;
  if (request.userAborted()) {
    return new APIUserAbortError("Watch aborted", { ...context, cause: error });
  }
  if (request.timedOut()) {
    return new APIConnectionTimeoutError("No event from the stream in time", {
      ...context,
      cause: error,
    });
  }
  if (error instanceof PhalaCloudError) return error;
  return new APIConnectionError(
    `Event stream failed: ${error instanceof Error ? error.message : String(error)}`,
    { ...context, cause: error },
  );
}
