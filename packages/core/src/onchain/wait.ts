import { APIUserAbortError } from "../errors";

/** The caller's abort, naming the helper. */
export function abortError(endpoint: string, signal: AbortSignal): APIUserAbortError {
  return new APIUserAbortError(`${endpoint} was aborted by the caller's signal`, {
    endpoint,
    cause: signal.reason,
  });
}

/** Throws the caller's abort when its signal has fired. */
export function throwIfAborted(endpoint: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(endpoint, signal);
}

/**
 * `promise`, unless the signal fires or `ms` pass first: then the abort error,
 * or `onTimeout()`'s. The promise itself runs on (a node's answer cannot be
 * recalled); only the wait for it ends.
 */
export function settleWithin<T>(
  promise: Promise<T>,
  endpoint: string,
  signal: AbortSignal | undefined,
  ms?: number,
  onTimeout?: () => Error,
): Promise<T> {
  if (!signal && ms === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => finish(() => reject(abortError(endpoint, signal!)));
    const finish = (settle: () => void) => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      settle();
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    if (ms !== undefined && onTimeout)
      timer = setTimeout(() => finish(() => reject(onTimeout())), ms);
    promise.then(
      (value) => finish(() => resolve(value)),
      (error) => finish(() => reject(error)),
    );
  });
}

/** Waits `ms`, or less when the signal fires (then the abort error). */
export function sleep(
  ms: number,
  endpoint: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  return settleWithin(new Promise<void>((resolve) => setTimeout(resolve, ms)), endpoint, signal);
}
