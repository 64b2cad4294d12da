import {
  APIConnectionError,
  APIUserAbortError,
  type ErrorContext,
  PhalaCloudError,
  RequestValidationError,
} from "../errors";
import { NO_HOOKS } from "../hooks";
import {
  backoffDelay,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_TIME_MS,
  isRetriedForEveryMethod,
  isRetriedMethod,
  MAX_RETRY_AFTER_MS,
  MIN_ATTEMPT_MS,
  retryReasonOf,
  sleep,
} from "../retry";
import { retryAfterMs } from "../retry-after";
import { scrubError, scrubText } from "../secret";
import { checkSettings } from "../settings";
import { sendAttempt } from "./attempt";
import type { Attempt, CallSetup } from "./call";
import { failureFields, notify, SILENT_LOG } from "./events";
import { buildHeaders, encodeBody } from "./headers";
import { follow } from "./signals";
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  type FetchLike,
  type TransportRequest,
  type TransportResponse,
  type TransportState,
} from "./types";
import { requestURL } from "./url";

/** Everything one call needs before its first attempt; throws for a mistake in the call itself. */
function setUpCall(state: TransportState, request: TransportRequest): CallSetup {
  const context: ErrorContext = {
    method: request.method,
    path: request.path,
    apiVersion: request.apiVersion,
    endpoint: request.endpoint,
  };
  if (request.signal?.aborted) {
    throw new APIUserAbortError("Request aborted before it was sent", context);
  }
  const fetchImpl = state.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (!fetchImpl) {
    throw new APIConnectionError(
      "No fetch implementation: pass `fetch` in the client config",
      context,
    );
  }
  const headers = buildHeaders(state, request);
  const url = requestURL(state, request.path, request.query);
  const body = encodeBody(request.body, headers, context);
  // The call's own settings (the client's were checked when it was made).
  checkSettings(request, (path, _value, message) => {
    throw new RequestValidationError({ ...context, issues: [{ path, message }] });
  });
  return {
    state,
    request,
    context,
    fetch: fetchImpl,
    url,
    headers,
    body,
    log: state.log ?? SILENT_LOG,
    hooks: state.hooks ?? NO_HOOKS,
    maxResponseBytes:
      request.maxResponseBytes ?? state.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
}

/**
 * build URL -> headers -> [fetch (per-attempt timeout, caller's signal, redirects
 * kept to the API origin) -> read the body (bounded) -> map an error status] ->
 * retry what may be retried, with backoff or the server's `Retry-After`, within
 * the call's time bound.
 */
export async function sendRequest(
  state: TransportState,
  request: TransportRequest,
): Promise<TransportResponse> {
  const setup = setUpCall(state, request);
  const { context, url } = setup;
  const timeout = request.timeout ?? state.timeout;
  const maxRetries = request.maxRetries ?? state.maxRetries ?? DEFAULT_MAX_RETRIES;
  // POST and PATCH are repeated only after an answer that says nothing was done.
  const retriesAnyFailure = isRetriedMethod(request.method, request.retryNonIdempotent === true);
  const maxRetryTime = request.maxRetryTime ?? state.maxRetryTime ?? DEFAULT_MAX_RETRY_TIME_MS;
  const firstAttempt = request.firstAttempt ?? 1;
  // Created last: from here on, `finally` is what removes the caller's listener.
  const call = request.signal ? follow(request.signal) : undefined;
  const started = performance.now();
  let attempt: Attempt = { number: firstAttempt, timeout };
  try {
    for (;;) {
      try {
        return await sendAttempt(setup, attempt, call?.signal);
      } catch (error) {
        const reason = retryReasonOf(error);
        if (
          reason === undefined ||
          !(retriesAnyFailure || isRetriedForEveryMethod(reason)) ||
          attempt.number - firstAttempt >= maxRetries
        ) {
          throw error;
        }
        const retryAfter = retryAfterMs((error as { headers?: unknown }).headers);
        if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
          // Waiting that long inside a call would look like a hang: hand the wait to the caller.
          throw error;
        }
        const delayMs = retryAfter ?? backoffDelay(attempt.number);
        const elapsed = performance.now() - started;
        // Never start a wait, or an attempt, that the time bound would cut short.
        if (elapsed + delayMs + MIN_ATTEMPT_MS > maxRetryTime) throw error;
        notify(setup, "onRetry", attempt, url, {
          ...failureFields(scrubError(error as PhalaCloudError, state.apiKey)),
          delayMs,
        });
        setup.log.info(
          `Retrying ${request.method} ${request.path} in ${delayMs} ms (${reason}, attempt ${attempt.number + 1} of ${maxRetries + 1})`,
        );
        await sleep(delayMs, call?.signal, context);
        const remaining = maxRetryTime - (performance.now() - started);
        attempt = {
          number: attempt.number + 1,
          // A later attempt may not run past the call's time bound.
          timeout: Math.max(
            1,
            timeout > 0 ? Math.min(timeout, Math.floor(remaining)) : Math.floor(remaining),
          ),
        };
      }
    }
  } catch (error) {
    // Whatever leaves the transport is scrubbed of the key, whichever step made it.
    const failure = scrubError(
      error instanceof PhalaCloudError
        ? error
        : new PhalaCloudError(scrubText(String(error), state.apiKey), { ...context, cause: error }),
      state.apiKey,
    );
    if (!request.stream) {
      notify(setup, "onError", attempt, url, failureFields(failure));
    }
    setup.log.debug(`✗ ${request.method} ${request.path}: ${failure.message}`);
    throw failure;
  } finally {
    call?.dispose();
  }
}
