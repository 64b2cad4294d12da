/** What an abort must stop at once: the pending fetch, or the body being read. */
type Interrupt = (reason: unknown) => void;

export const ignore = () => {};

/** One attempt: its signal, aborted by the call or by its own timeout; `dispose` clears both. */
export interface AttemptScope {
  readonly signal: AbortSignal;
  /** `signal.aborted`, without the cost of its getter. */
  readonly aborted: boolean;
  readonly timedOut: boolean;
  /** Run on abort, after the signal: a fetch or a body that ignores the signal still ends. */
  interrupt: Interrupt | undefined;
  dispose(): void;
}

export function attemptScope(callSignal: AbortSignal | undefined, timeout: number): AttemptScope {
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

/** Rejects with the signal's reason as soon as the attempt aborts, whatever `promise` does. */
export function untilAborted<T>(promise: Promise<T>, scope: AttemptScope): Promise<T> {
  if (scope.aborted) {
    promise.catch(ignore);
    return Promise.reject(scope.signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    scope.interrupt = reject;
    promise.then(resolve, reject);
  });
}

/**
 * A signal of the SDK's own that aborts when `parent` does; `dispose` removes the
 * one listener it puts on `parent`.
 */
export function follow(parent: AbortSignal) {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => parent.removeEventListener("abort", onAbort),
  };
}
