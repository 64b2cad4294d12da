import type { SchemaVersion } from "@phala/cloud-schemas";
import { UnsupportedApiVersionError } from "./errors";

/**
 * The registry: every API version this SDK knows, oldest first. Adding a version
 * is one line here plus its schemas folder; `satisfies` refuses a version that
 * has no schemas.
 */
export const API_VERSIONS = [
  "2025-10-28",
  "2026-01-21",
] as const satisfies readonly SchemaVersion[];

export type KnownApiVersion = (typeof API_VERSIONS)[number];

type Last<T extends readonly unknown[]> = T extends readonly [...unknown[], infer L] ? L : never;

/** The newest known version: what `LATEST` is typed as. */
export type LatestApiVersion = Last<typeof API_VERSIONS>;

export const DEFAULT_API_VERSION = "2026-01-21" satisfies KnownApiVersion;
export type DefaultApiVersion = typeof DEFAULT_API_VERSION;

type AnyCase<C extends string> = Uppercase<C> | Lowercase<C>;

/** `LATEST` in any case. Sent to the API as written; typed as the newest version. */
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

const LATEST_API_VERSION = API_VERSIONS[API_VERSIONS.length - 1] as LatestApiVersion;

export function isLatestAlias(version: string): version is LatestAlias {
  return version.toLowerCase() === "latest";
}

/**
 * Checks a version given at run time (JavaScript callers, config files) and
 * returns the known version whose schemas apply. Throws before any request is
 * made; never falls back silently.
 */
export function resolveApiVersion(version: unknown): KnownApiVersion {
  if (typeof version === "string") {
    if ((API_VERSIONS as readonly string[]).includes(version)) return version as KnownApiVersion;
    if (isLatestAlias(version)) return LATEST_API_VERSION;
  }
  throw new UnsupportedApiVersionError(version, API_VERSIONS);
}
