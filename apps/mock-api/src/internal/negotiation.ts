import { sdkVersionChain, type VersionChain } from "../versions/chain";

export type VersionResolution =
  | { ok: true; version: string }
  | { ok: false; requested: string; version: string };

/**
 * The version a request is served in: the `X-Phala-Version` header, else the API
 * key's own default, else the server default. `latest` in any case is the newest.
 * A header naming an unknown version fails; `version` then says what the error
 * response itself is labelled with.
 */
export function resolveApiVersion(
  header: string | undefined,
  keyDefault: string | undefined,
  chain: VersionChain = sdkVersionChain(),
): VersionResolution {
  const fallback = keyDefault ?? chain.defaultVersion;
  const requested = header?.trim();
  if (!requested) return { ok: true, version: fallback };
  if (requested.toLowerCase() === "latest") return { ok: true, version: chain.latest };
  if (chain.isVersion(requested)) return { ok: true, version: requested };
  return { ok: false, requested, version: fallback };
}
