import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  createAPIError,
  type ErrorContext,
  PhalaCloudError,
} from "../../errors";
import {
  buildHeaders,
  buildURL,
  type FetchLike,
  type QueryParams,
  type TransportState,
} from "../../transport";

const MAX_REDIRECTS = 5;

export interface EventStreamRequest {
  path: string;
  query: QueryParams;
  /** The `X-Phala-Version` value, exactly as it goes on the wire. */
  apiVersion: string;
  headers: Record<string, string> | undefined;
  context: ErrorContext;
  /** Aborts the request and the body; the caller owns it. */
  signal: AbortSignal;
  /** True once the caller's own signal fired, so an abort is the user's, not a timeout. */
  userAborted: () => boolean;
  /** True once the caller timed the connection out. */
  timedOut: () => boolean;
}

/** The transport's headers, asking for an event stream. */
function eventStreamHeaders(
  state: TransportState,
  request: EventStreamRequest,
): Record<string, string> {
  return buildHeaders(state, {
    method: "GET",
    path: request.path,
    apiVersion: request.apiVersion,
    headers: { accept: "text/event-stream", "cache-control": "no-cache", ...request.headers },
  });
}

function parseErrorBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Opens an event stream with the transport's rules: the same URL building and
 * headers, redirects followed only within the API origin, an error status
 * mapped to its typed error. Resolves with the streaming 2xx response; the
 * caller reads and releases its body.
 */
export async function openEventStream(
  state: TransportState,
  request: EventStreamRequest,
): Promise<Response> {
  const { context } = request;
  const fetchImpl = state.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (!fetchImpl) {
    throw new APIConnectionError(
      "No fetch implementation: pass `fetch` in the client config",
      context,
    );
  }
  const headers = eventStreamHeaders(state, request);
  let url = buildURL(state.baseURL, request.path, request.query);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetchImpl(url, {
        method: "GET",
        headers,
        signal: request.signal,
        redirect: "manual",
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => {});
        const next = new URL(location, url);
        if (next.origin !== new URL(state.baseURL).origin) {
          throw new APIConnectionError(
            `Refused a redirect to another origin (${next.origin}): the API key is only sent to ${new URL(state.baseURL).origin}`,
            { ...context, status: response.status },
          );
        }
        if (redirects >= MAX_REDIRECTS) {
          throw new APIConnectionError(`Too many redirects (more than ${MAX_REDIRECTS})`, context);
        }
        url = next.toString();
        continue;
      }
      if (!response.ok) {
        const body = parseErrorBody(await response.text());
        throw createAPIError({
          ...context,
          status: response.status,
          body,
          headers: response.headers,
        });
      }
      const contentType = response.headers.get("content-type") ?? "";
      if (!contentType.includes("text/event-stream") || !response.body) {
        await response.body?.cancel().catch(() => {});
        throw new PhalaCloudError(
          `Expected an event stream, got ${contentType || "no content type"}`,
          { ...context, status: response.status },
        );
      }
      return response;
    }
  } catch (error) {
    throw asStreamError(error, request);
  }
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
