import {
  type ApiVersion,
  DEFAULT_API_VERSION,
  isApiVersion,
  LATEST_API_VERSION,
} from "./versions/chain";

export type VersionResolution =
  | { ok: true; version: ApiVersion }
  | { ok: false; requested: string; version: ApiVersion };

/**
 * The version a request is served in: the `X-Phala-Version` header, else the API
 * key's own default, else the server default. `latest` in any case is the newest.
 * A header naming an unknown version fails; `version` then says what the error
 * response itself is labelled with.
 */
export function resolveApiVersion(
  header: string | undefined,
  keyDefault: ApiVersion | undefined,
): VersionResolution {
  const fallback = keyDefault ?? DEFAULT_API_VERSION;
  const requested = header?.trim();
  if (!requested) return { ok: true, version: fallback };
  if (requested.toLowerCase() === "latest") {
    return { ok: true, version: LATEST_API_VERSION };
  }
  if (isApiVersion(requested)) return { ok: true, version: requested };
  return { ok: false, requested, version: fallback };
}
