import { redeployCvmRevisionResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED } from "../../registration";
import { cvmPath } from "../internal/cvm-path";
import { shapeAcceptedResult } from "../internal/update-result";

export type RedeployCvmRevisionArgs = CvmIdInput & {
  /** The revision to go back to (`rev_...`), as `getAppRevisions` lists it. */
  revision_id: string;
  /**
   * On-chain KMS: the transaction that registered the revision's compose hash
   * (0x and 64 hex), when a first call answered `precondition_required`.
   */
  transaction_hash?: string;
};

const NAME = "redeployCvmRevision";

/**
 * Redeploys a CVM with what one of its app's revisions ran (its compose file,
 * hence its compose hash): `POST /cvms/{id}/revisions/{revision_id}/redeploy`,
 * `?transaction_hash=` for an on-chain KMS. The API answers 202 and restarts
 * the CVM with it: `{ status: "accepted", correlation_id }`. When the app's KMS
 * is on-chain and the revision's hash is not registered (HTTP 465), the result
 * is `{ status: "precondition_required", compose_hash, app_id, kms_info, ... }`:
 * register the hash, then call again with `transaction_hash`.
 */
export const redeployCvmRevision = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: redeployCvmRevisionResponseSchemas,
  plan: (args: RedeployCvmRevisionArgs) => {
    const path = cvmPath(NAME, args, "");
    const { revision_id, transaction_hash } = checkBodyArgs(
      NAME,
      args,
      {
        revision_id: { kind: "nonEmptyString", required: true },
        transaction_hash: "transactionHash",
      },
      { pathKeys: CVM_ID_KEYS },
    ) as { revision_id: string; transaction_hash?: string };
    return {
      method: "POST",
      path: `${path}/revisions/${encodeURIComponent(revision_id.trim())}/redeploy`,
      query: { transaction_hash },
      acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
    };
  },
  shape: shapeAcceptedResult,
});

export const safeRedeployCvmRevision = /* @__PURE__ */ safe(redeployCvmRevision);
