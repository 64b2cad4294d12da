import { getCvmComposeFileResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import {
  type ComposeHashOptions,
  getComposeHash,
  toCanonicalJson,
} from "../../helpers/compose-hash";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmComposeFileArgs = CvmIdInput;

/**
 * What `getCvmComposeFile` adds to its result, as `@phala/cloud`'s
 * `getHash()`/`toString()`. Not enumerable: `JSON.stringify`, a spread and
 * equality see the compose alone (a spread copy has no methods), so the hash of
 * the result is the hash of what the API sent.
 */
export interface ComposeFileMethods {
  /**
   * The compose hash of this result: `getComposeHash(result, options)`, the
   * same value. Asynchronous (Web Crypto, every runtime), where `@phala/cloud`'s
   * is synchronous; and, like `getComposeHash`, compact canonical JSON with
   * normalization opt-in, where `@phala/cloud` always normalizes and indents.
   */
  getHash(options?: ComposeHashOptions): Promise<string>;
  /** The canonical JSON that `getHash()` hashes: `toCanonicalJson(result)`. */
  toString(): string;
}

/**
 * Adds the methods to the validated compose, in place. A key the API itself
 * sent under one of their names stays as sent (it is part of the hash).
 */
function withComposeMethods<T extends object>(compose: T): T & ComposeFileMethods {
  const methods: Record<keyof ComposeFileMethods, (options?: ComposeHashOptions) => unknown> = {
    getHash: (options) => getComposeHash(compose, options),
    toString: () => toCanonicalJson(compose),
  };
  for (const [key, value] of Object.entries(methods)) {
    if (Object.hasOwn(compose, key)) continue;
    Object.defineProperty(compose, key, { value, configurable: true, writable: true });
  }
  return compose as T & ComposeFileMethods;
}

/**
 * The app compose (app-compose.json) whose hash is the compose hash:
 * `GET /cvms/{id}/compose_file`. The result also has `getHash()` (the same as
 * `getComposeHash(result)`) and `toString()` (its canonical JSON), not
 * enumerable; only when the SDK's schema checked it: with `schema: false` or
 * the caller's own schema the result is theirs, without them.
 */
export const getCvmComposeFile = /* @__PURE__ */ defineVersionedAction<
  "getCvmComposeFile",
  GetCvmComposeFileArgs,
  false,
  ComposeFileMethods
>({
  name: "getCvmComposeFile",
  responses: getCvmComposeFileResponseSchemas,
  plan: (args: GetCvmComposeFileArgs) => ({
    method: "GET",
    path: cvmPath("getCvmComposeFile", args, "/compose_file"),
  }),
  finish: withComposeMethods,
});

export const safeGetCvmComposeFile = /* @__PURE__ */ safe(getCvmComposeFile);
