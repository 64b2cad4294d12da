import type { ActionResponse, AnswerCompletion } from "../../action";
import { isRecord } from "../../errors";
import {
  COMPOSE_HASH_REGISTRATION_REQUIRED,
  REGISTRATION_FIELDS,
  registrationRequired,
} from "../../registration";
import { addHiddenField, type KmsInfoWithChain, withKmsChain } from "./kms-chain";

/**
 * An answer that is either the action's own body or the on-chain 465: the 465
 * becomes the typed `precondition_required` result, any other body is left as it
 * is (`PATCH /cvms/{id}/envs|docker-compose|pre-launch-script`, whose body
 * carries its own `status`; replicas; app instances).
 */
export function shapeUpdateResult(response: ActionResponse): unknown {
  if (response.status === COMPOSE_HASH_REGISTRATION_REQUIRED) {
    return registrationRequired(response.data);
  }
  return response.data;
}

/**
 * A 202 (body `{ correlation_id, ... }` or none) becomes `{ status: "accepted",
 * correlation_id }`. Any other body is left as it is, for the schema to refuse.
 */
export function shapeAcceptedResult(response: ActionResponse): unknown {
  if (response.status === COMPOSE_HASH_REGISTRATION_REQUIRED) {
    return registrationRequired(response.data);
  }
  const { data } = response;
  if (data === undefined) return { status: "accepted", correlation_id: null };
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  return {
    status: "accepted",
    correlation_id: (data as Record<string, unknown>).correlation_id ?? null,
  };
}

// The official SDK's reference documents `patchCvm`, `confirmCvmPatch` and
// `commitCvmUpdate` with camelCase results: `requiresOnChainHash` for `status`,
// `composeHash` for `compose_hash`... This SDK's results stay the API's; the
// documented names are added beside them by `finish`, not enumerable (the JSON,
// a spread and equality see the API's fields alone), with the same values.

/** `compose_hash` -> `composeHash`. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** The fields `Keys` of `R` again, under their camelCase names (optional where `R`'s are). */
type CamelAliases<R, Keys extends string> = {
  [K in keyof R as K extends Keys ? CamelCase<K> : never]: R[K];
};

type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

/**
 * One branch of a `patchCvm` / `confirmCvmPatch` answer with the documented
 * fields: `requiresOnChainHash: true`, `composeHash`, `appId`, `deviceId`,
 * `kmsInfo` (with `chain`), `commitToken`, `commitUrl`, `apiCommitUrl`,
 * `onchainStatus` beside `precondition_required`; `requiresOnChainHash: false`
 * and `correlationId` beside `accepted`.
 */
export type OnChainHashFields<R> = R extends { status: "precondition_required" }
  ? KmsInfoWithChain<R> & { requiresOnChainHash: true } & CamelAliases<
        KmsInfoWithChain<R>,
        RegistrationField
      >
  : R extends { status: "accepted" }
    ? R & { requiresOnChainHash: false } & CamelAliases<R, "correlation_id">
    : R;

/** `OnChainHashFields` of each branch of each version's answer. */
export interface OnChainHashCompletion extends AnswerCompletion {
  result: OnChainHashFields<this["answer"]>;
}

/** An answer with `correlationId` beside its `correlation_id` (`commitCvmUpdate`). */
export type CorrelationIdField<R> = R & CamelAliases<R, "correlation_id">;

/** `CorrelationIdField` of each version's answer. */
export interface CorrelationIdCompletion extends AnswerCompletion {
  result: CorrelationIdField<this["answer"]>;
}

const camelCase = (key: string) =>
  key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

function addCamelAliases(result: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) addHiddenField(result, camelCase(key), result[key]);
}

const CORRELATION_ID = ["correlation_id"] as const;

/** `finish` of `patchCvm` and `confirmCvmPatch`: the fields of `OnChainHashFields`, in place. */
export function withOnChainHashFields<R>(result: R): OnChainHashFields<R> {
  if (isRecord(result)) {
    const required = result.status === "precondition_required";
    if (required) withKmsChain(result.kms_info);
    if (required || result.status === "accepted") {
      addHiddenField(result, "requiresOnChainHash", required);
      addCamelAliases(result, required ? REGISTRATION_FIELDS : CORRELATION_ID);
    }
  }
  return result as OnChainHashFields<R>;
}

/** `finish` of `commitCvmUpdate`: `correlationId`, in place. */
export function withCorrelationId<R>(result: R): CorrelationIdField<R> {
  if (isRecord(result)) addCamelAliases(result, CORRELATION_ID);
  return result as CorrelationIdField<R>;
}
