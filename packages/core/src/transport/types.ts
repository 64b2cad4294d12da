import type { HookLists } from "../hooks";
import type { Log } from "../logger";
import type { ApiKey } from "../secret";

// The transport's vocabulary, apart from the code that uses it: every module of
// the pipeline (and the client, the actions) imports these types from here, so
// none of them needs to import another only for a type.

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
   * The caller reads the body of a 2xx response itself (an event stream, see
   * `consumeEventStream`): it is returned unread, and the caller also owns the
   * retry policy and the final `onError` report. An error status is still read
   * (bounded) and thrown.
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
  /**
   * Why the body cannot be what the call asked for, judged once when it was
   * read: broken JSON (`invalid JSON: Unexpected end of JSON input at position
   * 12`), or a type nobody asked for (`expected JSON, got text/html`).
   */
  problem: string | undefined;
  /** The final response; its body has been read. */
  response: Response;
  /** The body as received; empty when the request asked for the stream. */
  text: string;
  requestId: string | undefined;
  /** The number of the attempt that answered (1 when not retried). */
  attempt: number;
}
