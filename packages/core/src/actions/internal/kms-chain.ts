import type { AnswerCompletion } from "../../action";
import { isRecord } from "../../errors";
import { type KmsChain, kmsChain } from "../../helpers/chains";

// The official SDK's reference reads `kms_info.chain` (and `getKmsInfo`'s
// `chain`) to hand the KMS's chain to viem. The API sends only `chain_id`; the
// SDK adds `chain` in `finish` (so not with the caller's schema or none), not
// enumerable, so the JSON, a spread and equality see the API's fields alone.

/** `chain`: the known chain of the KMS's `chain_id` (`kmsChain`), `undefined` off-chain or unknown. */
export interface KmsChainField {
  chain: KmsChain | undefined;
}

/** A KMS description with its `chain` (`null` and `undefined` stay as they are). */
export type WithKmsChain<K> = K extends object ? K & KmsChainField : K;

/** An answer whose `kms_info` has its `chain`; a branch without `kms_info` as it is. */
export type KmsInfoWithChain<R> = R extends unknown
  ? "kms_info" extends keyof R
    ? { [K in keyof R]: K extends "kms_info" ? WithKmsChain<R[K]> : R[K] }
    : R
  : never;

/** `KmsInfoWithChain` of each branch of an answer (a 465, a provision). */
export interface KmsInfoChain extends AnswerCompletion {
  result: KmsInfoWithChain<this["answer"]>;
}

/** A page of KMS descriptions, each item with its `chain`. */
export type KmsListWithChain<R> = R extends { items: readonly (infer Item)[] }
  ? { [K in keyof R]: K extends "items" ? WithKmsChain<Item>[] : R[K] }
  : R;

/** `KmsListWithChain` of each version's page. */
export interface KmsListChain extends AnswerCompletion {
  result: KmsListWithChain<this["answer"]>;
}

/**
 * Sets `key` on `target` where `JSON.stringify`, a spread and equality do not
 * see it (not enumerable; writable and configurable, as an own field would be).
 * A key the API itself sent stays as sent.
 */
export function addHiddenField(target: object, key: string, value: unknown): void {
  if (!Object.hasOwn(target, key)) {
    Object.defineProperty(target, key, { value, configurable: true, writable: true });
  }
}

/** Adds `chain` to a KMS description, in place (`finish` of `getKmsInfo`). */
export function withKmsChain<K>(kms: K): WithKmsChain<K> {
  if (isRecord(kms)) addHiddenField(kms, "chain", kmsChain(kms.chain_id));
  return kms as WithKmsChain<K>;
}

/** Adds `chain` to an answer's `kms_info`, in place (`finish` of the 465 results and provisions). */
export function withKmsInfoChain<R>(result: R): KmsInfoWithChain<R> {
  if (isRecord(result)) withKmsChain(result.kms_info);
  return result as KmsInfoWithChain<R>;
}

/** Adds `chain` to each item of a page of KMS descriptions, in place (`finish` of `getKmsList`). */
export function withKmsListChain<R>(page: R): KmsListWithChain<R> {
  if (isRecord(page) && Array.isArray(page.items)) page.items.forEach(withKmsChain);
  return page as KmsListWithChain<R>;
}
