import { RequestValidationError } from "../errors";
import { bytesToHex } from "./hex";
import { webCrypto } from "./web-crypto";

export interface ComposeHashOptions {
  /**
   * Drop fields the runner ignores before hashing, as dstack's `normalize`
   * does: `docker_compose_file` when `runner` is `bash`, `bash_script` when it
   * is `docker-compose` or `nerdctl-compose`, and an empty `pre_launch_script`.
   * Default `false`: the object is hashed as given.
   */
  normalize?: boolean;
}

/** Orders strings by Unicode code point, as Python, Go and Rust sort keys (JS `sort()` uses UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const diff = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function notSerialisable(path: string, message: string): never {
  throw new RequestValidationError({
    endpoint: "getComposeHash",
    issues: [{ path, message }],
  });
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "bigint":
      return notSerialisable(path, "a bigint has no JSON form");
    case "object":
      break;
    default:
      return "null";
  }
  const object = value as object & { toJSON?: () => unknown };
  if (typeof object.toJSON === "function") return serialise(object.toJSON(), path, ancestors);
  if (ancestors.has(object)) notSerialisable(path, "circular reference");
  ancestors.add(object);
  let out: string;
  if (Array.isArray(object)) {
    const items = object.map((item, index) =>
      isOmitted(item)
        ? "null"
        : serialise(item, path ? `${path}.${index}` : String(index), ancestors),
    );
    out = `[${items.join(",")}]`;
  } else {
    const record = object as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => !isOmitted(record[key]))
      .sort(compareCodePoints)
      .map(
        (key) =>
          `${JSON.stringify(key)}:${serialise(record[key], path ? `${path}.${key}` : key, ancestors)}`,
      );
    out = `{${members.join(",")}}`;
  }
  ancestors.delete(object);
  return out;
}

/**
 * The canonical JSON of a value, the bytes `getComposeHash` hashes: object keys
 * sorted by code point at every depth, no whitespace, array order kept, strings
 * as `JSON.stringify` writes them (non-ASCII characters as themselves, UTF-8),
 * `undefined`/function members left out, `null` kept, `NaN` and `Infinity`
 * written as `null`, `toJSON()` honoured (a `Date` becomes its ISO string).
 */
export function toCanonicalJson(value: unknown): string {
  return serialise(value, "", new Set());
}

function normalizeAppCompose(appCompose: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...appCompose };
  if (copy.runner === "bash") delete copy.docker_compose_file;
  else if (copy.runner === "docker-compose" || copy.runner === "nerdctl-compose") {
    delete copy.bash_script;
  }
  if ("pre_launch_script" in copy && !copy.pre_launch_script) delete copy.pre_launch_script;
  return copy;
}

/**
 * The compose hash of an app compose (`app-compose.json`): SHA-256, as
 * lowercase hex without `0x`, of its canonical JSON (see `toCanonicalJson`).
 * This is the deterministic form of dstack's SDKs (`getComposeHash` in JS,
 * `get_compose_hash` in Python). A CVM attests, as `compose-hash`, the hash of
 * the `app-compose.json` bytes it booted with, so the two agree whenever those
 * bytes are canonical.
 *
 * Unlike `@phala/cloud`'s `getComposeHash`, which is synchronous, always
 * normalizes and serialises with four-space indentation, this one follows
 * dstack (compact, normalization opt-in) and uses Web Crypto, so it is async
 * and runs on every runtime.
 *
 * @example
 * await getComposeHash({ runner: "docker-compose", docker_compose_file: "services: {}\n" });
 */
export async function getComposeHash(
  appCompose: object,
  options: ComposeHashOptions = {},
): Promise<string> {
  if (typeof appCompose !== "object" || appCompose === null || Array.isArray(appCompose)) {
    notSerialisable("appCompose", "expected an object");
  }
  const source = options.normalize
    ? normalizeAppCompose(appCompose as Record<string, unknown>)
    : appCompose;
  const bytes = new TextEncoder().encode(toCanonicalJson(source));
  const digest = await webCrypto("getComposeHash").subtle.digest("SHA-256", bytes);
  return bytesToHex(new Uint8Array(digest));
}
