import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  createAPIError,
  PhalaCloudError,
} from "../errors";
import { deprecationNotice, redactHeaders } from "../hooks";
import { finalError } from "../retry";
import { bodyExcerpt, scrubText } from "../secret";
import { judgeBody, readBody } from "./body";
import type { Attempt, CallSetup } from "./call";
import { notify, reportDeprecation } from "./events";
import { type Hop, redirectHop } from "./redirects";
import { attemptScope, ignore, untilAborted } from "./signals";
import type { TransportResponse } from "./types";

/**
 * One attempt: fetch, follow same-origin redirects, read the body (bounded)
 * and judge it, report to hooks and the log, map an error status to its error.
 */
export async function sendAttempt(
  setup: CallSetup,
  attempt: Attempt,
  /** The call's own signal, following the caller's; undefined when the caller gave none. */
  callSignal: AbortSignal | undefined,
): Promise<TransportResponse> {
  const { state, request, context, headers, log } = setup;
  const scope = attemptScope(callSignal, attempt.timeout);
  // The duration is for onResponse hooks and the debug log only.
  const timed = setup.hooks.onResponse.length > 0 || log.enabled("debug");
  const started = timed ? performance.now() : 0;
  let hop: Hop = { url: setup.url, method: request.method, body: setup.body };
  let status: number | undefined;
  let requestId: string | undefined;
  notify(setup, "onRequest", attempt, hop.url);
  if (log.enabled("debug")) {
    log.debug(`→ ${hop.method} ${hop.url} (attempt ${attempt.number})`, {
      headers: redactHeaders(headers, state.apiKey),
    });
  }
  try {
    for (let redirects = 0; ; redirects++) {
      const { url, method, body } = hop;
      // Called unbound: Workers' fetch throws "Illegal invocation" when `this` is another object.
      const fetchImpl = setup.fetch;
      const response = await untilAborted(
        fetchImpl(url, { method, headers, body, signal: scope.signal, redirect: "manual" }),
        scope,
      );
      // Each getter of an undici Response checks its receiver: read each once.
      const code = response.status;
      const responseHeaders = response.headers;
      const ok = response.ok;
      status = code;
      requestId = responseHeaders.get("x-request-id") ?? undefined;
      const location = code >= 300 && code < 400 ? responseHeaders.get("location") : null;
      if (location) {
        await response.body?.cancel().catch(ignore);
        hop = redirectHop(
          hop,
          location,
          code,
          redirects,
          state.baseURL,
          { ...context, requestId },
          headers,
        );
        continue;
      }
      // An opaque redirect (status 0, never ok) is one the runtime would not let the SDK follow.
      if (!ok && response.type === "opaqueredirect") {
        throw finalError(
          new APIConnectionError(
            "The API answered with a redirect that cannot be followed",
            context,
          ),
        );
      }
      const accepted = ok || (request.acceptStatus?.includes(code) ?? false);
      // A stream's body is its caller's to read.
      const rawText =
        accepted && request.stream
          ? ""
          : await readBody(response, responseHeaders, setup.maxResponseBytes, scope, () => ({
              ...context,
              status: code,
              requestId,
            }));
      // An error body is shown in messages and excerpts: it must not echo the key back.
      const text = accepted ? rawText : scrubText(rawText, state.apiKey);
      const { data, problem } = judgeBody(
        text,
        responseHeaders.get("content-type"),
        headers.accept,
      );
      const notice = deprecationNotice(responseHeaders);
      if (timed) {
        const durationMs = performance.now() - started;
        notify(setup, "onResponse", attempt, url, {
          status: code,
          durationMs,
          requestId,
          ...(notice ? { deprecation: notice } : {}),
        });
        if (log.enabled("debug")) {
          log.debug(`← ${code} ${method} ${url} in ${Math.round(durationMs)} ms`, { requestId });
        }
      }
      if (notice) reportDeprecation(setup, notice, url);
      if (!accepted) {
        throw createAPIError({
          ...context,
          status: code,
          statusText: response.statusText,
          body: data,
          headers: responseHeaders,
          bodyExcerpt: bodyExcerpt(text, state.apiKey),
        });
      }
      return {
        status: code,
        headers: responseHeaders,
        data,
        problem,
        response,
        text,
        requestId,
        attempt: attempt.number,
      };
    }
  } catch (error) {
    if (callSignal?.aborted) {
      throw new APIUserAbortError("Request aborted", {
        ...context,
        cause: request.signal?.reason ?? callSignal.reason,
      });
    }
    if (scope.timedOut) {
      throw new APIConnectionTimeoutError(`Request timed out after ${attempt.timeout} ms`, {
        ...context,
        timeout: attempt.timeout,
        status,
        requestId,
      });
    }
    if (error instanceof PhalaCloudError) throw error;
    throw new APIConnectionError(
      `Connection failed: ${scrubText(error instanceof Error ? error.message : String(error), state.apiKey)}`,
      { ...context, cause: error, requestId },
    );
  } finally {
    scope.dispose();
  }
}
