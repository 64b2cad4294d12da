import type { PhalaCloudError } from "../errors";
import {
  type DeprecationNotice,
  type HookLists,
  type RequestEvent,
  redactHeaders,
  runHooks,
} from "../hooks";
import { createLog } from "../logger";
import { retryReasonOf } from "../retry";
import type { Attempt, CallSetup } from "./call";

/** The hooks that report one attempt of a call (deprecations have their own event). */
export type AttemptHook = Exclude<keyof HookLists, "onDeprecation">;

export const SILENT_LOG = /* @__PURE__ */ createLog("off", undefined);

/** What a failed attempt adds to the event of an `onRetry` or `onError` hook. */
export function failureFields(error: PhalaCloudError) {
  return {
    status: error.status,
    error,
    retryReason: retryReasonOf(error),
    requestId: error.requestId,
  } satisfies Partial<RequestEvent>;
}

/**
 * Runs the `name` hooks with the attempt's event plus `extra`. The event (and
 * its redacted copy of the headers) is only made when a hook listens.
 */
export function notify(
  setup: Pick<CallSetup, "state" | "request" | "headers" | "hooks" | "log">,
  name: AttemptHook,
  attempt: Pick<Attempt, "number">,
  url: string,
  extra?: Partial<RequestEvent>,
): void {
  const hooks = setup.hooks[name];
  if (hooks.length === 0) return;
  const event: RequestEvent = {
    attempt: attempt.number,
    method: setup.request.method,
    url,
    headers: redactHeaders(setup.headers, setup.state.apiKey),
    apiVersion: setup.request.apiVersion,
    endpoint: setup.request.endpoint,
    ...extra,
  };
  runHooks(hooks, event, setup.log, name, setup.state.apiKey);
}

/** Reports a deprecated API version once per client (and its derived clients): a warning and `onDeprecation`. */
export function reportDeprecation(setup: CallSetup, notice: DeprecationNotice, url: string): void {
  const seen = setup.state.deprecationsSeen;
  const version = setup.request.apiVersion;
  if (!seen || seen.has(version)) return;
  seen.add(version);
  const parts = [
    notice.deprecation && `Deprecation: ${notice.deprecation}`,
    notice.sunset && `Sunset: ${notice.sunset}`,
  ]
    .filter(Boolean)
    .join(", ");
  setup.log.warn(`API version ${version} is deprecated (${parts}); move to a newer version`, {
    apiVersion: version,
    ...notice,
  });
  runHooks(
    setup.hooks.onDeprecation,
    { ...notice, apiVersion: version, endpoint: setup.request.endpoint, url },
    setup.log,
    "onDeprecation",
    setup.state.apiKey,
  );
}
