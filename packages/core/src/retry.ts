import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ConflictError,
  type ErrorContext,
} from "./errors";

export const DEFAULT_MAX_RETRIES = 2;
/** Bound on the whole call, all attempts and waits included. */
export const DEFAULT_MAX_RETRY_TIME_MS = 60_000;
export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** The longest `Retry-After` the SDK waits for; a longer one fails the call at once. */
export const MAX_RETRY_AFTER_MS = 60_000;
/**
 * The least time a retry must have left after its wait. A timer can fire a
 * little before `performance.now()` says its time is up, which would otherwise
 * start a last attempt of a millisecond or so that cannot succeed.
 */
export const MIN_ATTEMPT_MS = 10;

/**
 * Why an attempt is retried. `http_409` is a 409 without an `error_code` that
 * says another operation is in progress (`ConflictError.operationInProgress`).
 */
export type RetryReason =
  | "connection_error"
  | "timeout"
  | "http_408"
  | "http_409"
  | "http_429"
  | "http_500"
  | "http_502"
  | "http_503"
  | "http_504";

const RETRIED_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set<string>(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** How a call retries, from the client's settings and the call's own. */
export interface RetryPolicy {
  maxRetries: number;
  maxRetryTime: number;
  /** POST and PATCH are retried only when the call (or its action) says it is safe. */
  retryNonIdempotent: boolean;
}

export function isRetriedMethod(method: string, retryNonIdempotent: boolean): boolean {
  return retryNonIdempotent || IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Failures the server answered without acting on the request, so that repeating
 * it is safe whatever the method: a 409 saying another operation is in progress
 * (the API refuses the call before touching the CVM). Retried for POST and PATCH
 * too, within the same budget as the others.
 */
export function isRetriedForEveryMethod(reason: RetryReason): boolean {
  return reason === "http_409";
}

export function retryReasonForStatus(status: number): RetryReason | undefined {
  return RETRIED_STATUSES.has(status) ? (`http_${status}` as RetryReason) : undefined;
}

/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(8 s, 0.5 s · 2^(retry-1))).
 * `retry` is 1 for the first retry.
 */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(
    MAX_RETRY_DELAY_MS,
    INITIAL_RETRY_DELAY_MS * 2 ** Math.max(0, retry - 1),
  );
  return Math.floor(random() * ceiling);
}

/**
 * Waits `ms`, or rejects with `APIUserAbortError` (saying `message`) the moment
 * `signal` aborts. The timer and the listener are removed either way.
 */
export function sleep(
  ms: number,
  signal: AbortSignal | undefined,
  context: ErrorContext,
  message = "Request aborted",
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError(message, { ...context, cause: signal?.reason }));
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// Connection errors that are the server's answer (a redirect the SDK refuses),
// not a network failure: asking again would get the same answer.
const NOT_RETRIED = new WeakSet<object>();

/** Marks an error as final: no retry, whatever its class says. */
export function finalError<E extends Error>(error: E): E {
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
