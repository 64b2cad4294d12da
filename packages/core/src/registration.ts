import type { ComposeHashRegistrationRequired } from "@phala/cloud-schemas";
import { isRecord } from "./errors";

// An app whose KMS is on-chain (Ethereum, Base) runs only compose hashes its app
// contract allows. A call that would run a new hash is answered HTTP 465 until the
// hash is registered; the SDK returns that answer as a result, not an error, since
// registering and calling again is the normal next step.

/** The HTTP status the API uses for "register the new compose hash on-chain first". */
export const COMPOSE_HASH_REGISTRATION_REQUIRED = 465;

type Json = Record<string, unknown>;

/** The fields of a 465 answer besides its message and code, in the API's names. */
export const REGISTRATION_FIELDS = [
  "compose_hash",
  "app_id",
  "device_id",
  "kms_info",
  "commit_token",
  "commit_url",
  "api_commit_url",
  "onchain_status",
] as const;

/**
 * Reads a 465 body into the `precondition_required` result. The API sends its
 * structured error (`{ detail: { error_code, message, details: [{ field, value }] } }`,
 * or the same object unwrapped); older deployments put the fields on the error
 * itself. All three are accepted.
 */
export function registrationRequired(body: unknown): Json {
  const error = isRecord(body) ? (isRecord(body.detail) ? body.detail : body) : {};
  const fields: Json = {};
  for (const key of REGISTRATION_FIELDS) {
    if (error[key] !== undefined) fields[key] = error[key];
  }
  if (Array.isArray(error.details)) {
    for (const item of error.details) {
      if (isRecord(item) && typeof item.field === "string") fields[item.field] = item.value;
    }
  }
  const result: Json = {
    status: "precondition_required",
    message:
      typeof error.message === "string"
        ? error.message
        : "Compose hash registration required on-chain",
    error_code: typeof error.error_code === "string" ? error.error_code : null,
  };
  for (const key of REGISTRATION_FIELDS) {
    const value = fields[key];
    // App ids have come back as numbers from some deployments; the result keeps them as text.
    result[key] = key === "app_id" && typeof value === "number" ? String(value) : value;
  }
  return result;
}

/** The headers of the follow-up call after a 465: the registered hash and the proof. */
export function registrationHeaders(
  composeHash: unknown,
  transactionHash: unknown,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (typeof composeHash === "string") headers["X-Compose-Hash"] = composeHash;
  if (typeof transactionHash === "string") headers["X-Transaction-Hash"] = transactionHash;
  return headers;
}

/**
 * Whether an action's result is the 465 answer: the compose hash must be
 * registered in the app contract before the call is repeated. Narrows results
 * whose other branches have no literal `status` to tell them apart, such as
 * `createAppInstance`'s `AppInstance | ComposeHashRegistrationRequired`:
 *
 * ```ts
 * const result = await createAppInstance(client, { appId });
 * if (isComposeHashRegistrationRequired(result)) {
 *   // register result.compose_hash on-chain, then call again with
 *   // compose_hash, token: result.commit_token and transaction_hash
 * } else {
 *   result.vm_uuid; // the new instance
 * }
 * ```
 */
export function isComposeHashRegistrationRequired(
  result: unknown,
): result is ComposeHashRegistrationRequired {
  return (
    isRecord(result) &&
    result.status === "precondition_required" &&
    typeof result.compose_hash === "string"
  );
}
