import { PhalaCloudError } from "./errors";
import type { Log } from "./logger";
import type { RetryReason } from "./retry";
import { type ApiKey, scrubText } from "./secret";

/** The `Deprecation` / `Sunset` headers of a response, as sent. */
export interface DeprecationNotice {
  /** The `Deprecation` header (`true`, `@1735689600` or an HTTP date), when sent. */
  deprecation: string | undefined;
  /** The `Sunset` header (an HTTP date), when sent. */
  sunset: string | undefined;
  /** The `Link` header, which may point to the migration guide. */
  link: string | undefined;
}

/**
 * What a hook sees of one attempt. `headers` are the request's, with
 * `x-api-key` in its redacted form (`phak_…1a2b`): hooks never see the key.
 */
export interface RequestEvent {
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  apiVersion: string;
  /** The SDK action (`getCvmInfo`), when the call came from one. */
  endpoint: string | undefined;
  status?: number;
  /** Milliseconds from sending the attempt to reading its whole body (or failing). */
  durationMs?: number;
  error?: PhalaCloudError;
  /** Why the call is retried (`onRetry`) or why the attempt failed. */
  retryReason?: RetryReason;
  /** The wait before the next attempt (`onRetry`). */
  delayMs?: number;
  /** The server's `x-request-id`, when it answered. */
  requestId?: string;
  /** Set on `onResponse` when the response carried `Deprecation` or `Sunset`. */
  deprecation?: DeprecationNotice;
}

/** Called once per API version per client when the API says the version is deprecated. */
export interface DeprecationEvent extends DeprecationNotice {
  apiVersion: string;
  endpoint: string | undefined;
  url: string;
}

export type Hook<E> = (event: E) => void | Promise<void>;
type OneOrMany<F> = F | readonly F[];

export interface ClientHooks {
  /** Before each attempt is sent. */
  onRequest?: OneOrMany<Hook<RequestEvent>>;
  /** After each attempt's response is read, whatever its status. */
  onResponse?: OneOrMany<Hook<RequestEvent>>;
  /** Before waiting for the next attempt: the reason and the delay. */
  onRetry?: OneOrMany<Hook<RequestEvent>>;
  /** When the call fails for good (after any retries). */
  onError?: OneOrMany<Hook<RequestEvent>>;
  /** The first response of an API version that carries `Deprecation` or `Sunset`. */
  onDeprecation?: OneOrMany<Hook<DeprecationEvent>>;
}

export interface HookLists {
  onRequest: readonly Hook<RequestEvent>[];
  onResponse: readonly Hook<RequestEvent>[];
  onRetry: readonly Hook<RequestEvent>[];
  onError: readonly Hook<RequestEvent>[];
  onDeprecation: readonly Hook<DeprecationEvent>[];
}

const HOOK_NAMES = ["onRequest", "onResponse", "onRetry", "onError", "onDeprecation"] as const;

/** Arrays for every hook name; anything that is not a function is refused at client creation. */
export function normalizeHooks(hooks: ClientHooks | undefined): HookLists {
  if (hooks === undefined) return NO_HOOKS;
  const lists: Record<string, Hook<never>[]> = {};
  for (const name of HOOK_NAMES) {
    const given = hooks[name];
    const list = (
      given === undefined ? [] : Array.isArray(given) ? [...given] : [given]
    ) as Hook<never>[];
    if (list.some((hook) => typeof hook !== "function")) {
      throw new PhalaCloudError(
        `Invalid hooks.${name}: expected a function or an array of functions`,
      );
    }
    lists[name] = list;
  }
  return lists as unknown as HookLists;
}

/** Every list empty: what a client without hooks runs. */
export const NO_HOOKS: HookLists = /* @__PURE__ */ normalizeHooks({});

/**
 * Calls each hook with the event. A hook that throws or rejects is logged and
 * otherwise ignored: observing a call must never change its outcome.
 */
export function runHooks<E>(
  hooks: readonly Hook<E>[],
  event: E,
  log: Log,
  name: keyof HookLists,
  apiKey?: ApiKey,
): void {
  // The hook's own error text is the caller's, and may quote the key: log it redacted.
  const failed = (error: unknown) =>
    log.error(`A ${name} hook threw; the call goes on`, {
      error: scrubText(
        error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        apiKey,
      ),
    });
  for (const hook of hooks) {
    try {
      const result = hook(event);
      if (result && typeof (result as Promise<void>).then === "function") {
        (result as Promise<void>).then(undefined, failed);
      }
    } catch (error) {
      failed(error);
    }
  }
}

/** The request headers as a plain object, `x-api-key` redacted. */
export function redactHeaders(
  headers: Readonly<Record<string, string>>,
  apiKey: ApiKey | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    out[name] =
      name.toLowerCase() === "x-api-key" ? (apiKey?.redacted ?? "…") : (headers[name] as string);
  }
  return out;
}

/** The response's deprecation headers, when it has any. */
export function deprecationNotice(headers: Headers): DeprecationNotice | undefined {
  const deprecation = headers.get("deprecation") ?? undefined;
  const sunset = headers.get("sunset") ?? undefined;
  if (deprecation === undefined && sunset === undefined) return undefined;
  return { deprecation, sunset, link: headers.get("link") ?? undefined };
}
