import { getKmsInfoResponseSchemas, getKmsInfoVersionPins } from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";
import { type KmsChainField, withKmsChain } from "../internal/kms-chain";

export type { KmsChainField };

export interface GetKmsInfoArgs {
  /** The KMS id or slug. */
  kms_id: string;
}

/**
 * One KMS node: `GET /kms/{kms_id}`.
 *
 * Pinned: a 2026-06-23 client (or call) sends `X-Phala-Version: 2026-05-22`
 * for it. From 2026-06-23 `{kms_id}` resolves a KMS contract instead of a node
 * (`getKmsContract`), and this action keeps answering the node; the official
 * SDKs pin it the same way. Older versions send their own.
 *
 * The result also has `chain`, the viem-shaped chain of its `chain_id`
 * (`undefined` for the Phala KMS or an unknown id), as the official SDK's; not
 * enumerable; not with `schema: false` or the caller's own schema.
 */
export const getKmsInfo = /* @__PURE__ */ defineVersionedAction<
  "getKmsInfo",
  GetKmsInfoArgs,
  false,
  KmsChainField
>({
  name: "getKmsInfo",
  responses: getKmsInfoResponseSchemas,
  versionPins: getKmsInfoVersionPins,
  plan: (args: GetKmsInfoArgs) => ({
    method: "GET",
    path: `/kms/${encodeURIComponent(requireString("getKmsInfo", args, "kms_id").trim())}`,
  }),
  finish: withKmsChain,
});

export const safeGetKmsInfo = /* @__PURE__ */ safe(getKmsInfo);
