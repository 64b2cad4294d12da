import {
  API_VERSIONS,
  DEFAULT_API_VERSION,
  diffVersions,
  type KnownApiVersion,
  LATEST_API_VERSION,
  VERSION_CHANGES,
  type VersionChangeEntry,
  type VersionChangeSet,
} from "@phala/cloud-schemas";
import { UnsupportedApiVersionError } from "./errors";

// The registry lives in `@phala/cloud-schemas` (generated from its chain of
// version changes, `versions/`): a new version is a change module there and
// needs no edit here. Re-exported as the same bindings, so a package exporting
// both core and the schemas' types exports one `API_VERSIONS`, not two.
// `API_VERSIONS`: every known version, oldest first. `DEFAULT_API_VERSION`:
// what a client sends when none is chosen. `LATEST_API_VERSION`: the newest,
// what `LATEST` resolves to. `VERSION_CHANGES` / `diffVersions(from, to)`: what
// each version changed, endpoint by endpoint, with what a caller must edit.
export {
  API_VERSIONS,
  DEFAULT_API_VERSION,
  diffVersions,
  type KnownApiVersion,
  LATEST_API_VERSION,
  VERSION_CHANGES,
  type VersionChangeEntry,
  type VersionChangeSet,
};

/** The newest known version: what `LATEST` resolves to, sends and is typed as. */
export type LatestApiVersion = typeof LATEST_API_VERSION;

/** The version a client sends when none is chosen. */
export type DefaultApiVersion = typeof DEFAULT_API_VERSION;

type AnyCase<C extends string> = Uppercase<C> | Lowercase<C>;

/**
 * `LATEST` in any case. Resolved by the client to the newest known version,
 * whose date is what is sent and what the results are typed by.
 */
export type LatestAlias =
  `${AnyCase<"l">}${AnyCase<"a">}${AnyCase<"t">}${AnyCase<"e">}${AnyCase<"s">}${AnyCase<"t">}`;

/** What a caller may pass as a version. Anything else does not compile. */
export type ApiVersion = KnownApiVersion | LatestAlias;

/** The known version whose shapes a version string stands for (distributes over unions). */
export type ResolveApiVersion<V> = V extends KnownApiVersion
  ? V
  : V extends LatestAlias
    ? LatestApiVersion
    : never;

export function isLatestAlias(version: string): version is LatestAlias {
  return version.toLowerCase() === "latest";
}

/**
 * Checks a version given at run time (JavaScript callers, config files) and
 * returns the known version it stands for: itself, or the newest for `LATEST`.
 * Throws before any request is made; never falls back silently.
 */
export function resolveApiVersion(version: unknown): KnownApiVersion {
  if (typeof version === "string") {
    if ((API_VERSIONS as readonly string[]).includes(version)) return version as KnownApiVersion;
    if (isLatestAlias(version)) return LATEST_API_VERSION;
  }
  throw new UnsupportedApiVersionError(version, API_VERSIONS);
}
