import type { VersionChange } from "./change";
import { change20260121 } from "./change-2026-01-21";
import type { RenderContext, VersionedEndpoint } from "./context";

/** The oldest version the mock serves: the one no change leads back from. */
export const BASE_API_VERSION = "2025-10-28";

/**
 * Every version change, newest first. Serving a new version means rendering it in
 * a new `render-<version>.ts` and adding here the change that turns its bodies into
 * the previous newest version's.
 */
export const VERSION_CHANGES = [change20260121] as const;

export type ApiVersion = typeof BASE_API_VERSION | (typeof VERSION_CHANGES)[number]["version"];

/** Known versions, oldest first. */
export const API_VERSIONS: readonly ApiVersion[] = [
  BASE_API_VERSION,
  ...[...VERSION_CHANGES].reverse().map((change) => change.version),
];

export const LATEST_API_VERSION: ApiVersion = VERSION_CHANGES[0].version;

/** What a request gets when neither the header nor the API key names a version. */
export const DEFAULT_API_VERSION: ApiVersion = LATEST_API_VERSION;

export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}

/**
 * Takes a body rendered in the newest version back to `version`, one change at a
 * time. Versions are ISO dates, so string order is release order.
 */
export function renderForVersion(
  endpoint: VersionedEndpoint,
  latestBody: unknown,
  version: ApiVersion,
  ctx: RenderContext,
): unknown {
  let body = latestBody;
  for (const change of VERSION_CHANGES as readonly VersionChange[]) {
    if (change.version <= version) break;
    const downgrade = change.downgrade[endpoint];
    if (downgrade) body = downgrade(body, ctx);
  }
  return body;
}
