import { type ErrorContext, RequestValidationError } from "../errors";
import type { TransportRequest, TransportState } from "./types";

/**
 * `@phala/cloud-core`'s version from its package.json, defined by its build
 * (tsup.config.ts, vitest.config.ts); `0.0.0-dev` when the source is bundled
 * without it.
 */
declare const __PHALA_CLOUD_CORE_VERSION__: string | undefined;
const USER_AGENT = `phala-cloud-sdk-ts/${
  typeof __PHALA_CLOUD_CORE_VERSION__ === "string" ? __PHALA_CLOUD_CORE_VERSION__ : "0.0.0-dev"
}`;
// Headers the SDK owns: a caller's copy would make the request disagree with
// the schema used to read its answer, or send credentials the client does not hold.
const OWNED_HEADERS = ["x-phala-version", "x-api-key"];

/** What every request of a client shares, worked out on its first request. */
export interface Prepared {
  /** Config headers (lower-cased, the SDK's own removed), defaults and the API key. */
  headers: Readonly<Record<string, string>>;
  /** The base URL without trailing slashes. */
  base: string;
  /** True when `base` + a plain path is already the URL the parser would give. */
  plainBase: boolean;
}

const PREPARED = new WeakMap<TransportState, Prepared>();

export function prepare(state: TransportState): Prepared {
  let prepared = PREPARED.get(state);
  if (prepared) return prepared;
  // Through Headers once: names lower-cased, values checked and trimmed as fetch would.
  const headers = new Headers(state.headers);
  for (const name of OWNED_HEADERS) headers.delete(name);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  if (!headers.has("user-agent")) headers.set("user-agent", USER_AGENT);
  if (state.apiKey) headers.set("x-api-key", state.apiKey.reveal());
  // The version is set on each copy: a slot for it here keeps that a plain store.
  const record: Record<string, string> = { "x-phala-version": "" };
  headers.forEach((value, name) => {
    record[name] = value;
  });
  const base = state.baseURL.replace(/\/+$/, "");
  // Every character a plain path may hold: when the parser gives this back
  // unchanged, it gives back the base followed by any plain path unchanged.
  const probe = `${base}/_-~!$&'()*+,;=:@/`;
  prepared = { headers: record, base, plainBase: new URL(probe).href === probe };
  PREPARED.set(state, prepared);
  return prepared;
}

/**
 * The request's headers as a plain record, names lower-cased: the client's
 * (prepared once), the call's, then the SDK's own, which nobody overrides.
 */
export function buildHeaders(
  state: TransportState,
  request: TransportRequest,
): Record<string, string> {
  const headers = { ...prepare(state).headers };
  const extra = request.headers;
  if (extra) {
    let given: Headers | undefined;
    for (const name in extra) {
      given ??= new Headers();
      given.set(name, extra[name] as string);
    }
    given?.forEach((value, name) => {
      if (!OWNED_HEADERS.includes(name)) headers[name] = value;
    });
  }
  headers["x-phala-version"] = request.apiVersion;
  if (request.body !== undefined && headers["content-type"] === undefined) {
    headers["content-type"] = "application/json";
  }
  return headers;
}

/**
 * The body as sent: a string the action labelled with a non-JSON type (a YAML
 * file, a script) goes as is, anything else as JSON. A value JSON cannot hold
 * (a cycle, a BigInt) is the caller's mistake, refused before sending.
 */
export function encodeBody(
  body: unknown,
  headers: Record<string, string>,
  context: ErrorContext,
): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string" && !headers["content-type"]?.includes("json")) return body;
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new RequestValidationError({
      ...context,
      cause: error,
      issues: [{ path: "body", message: `cannot be sent as JSON: ${String(error)}` }],
    });
  }
}
