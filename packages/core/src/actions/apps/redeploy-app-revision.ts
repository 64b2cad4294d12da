import { redeployAppRevisionResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { COMPOSE_HASH_REGISTRATION_REQUIRED } from "../../registration";
import { appIdSegment } from "../internal/app-id";
import { shapeAcceptedResult } from "../internal/update-result";

export interface RedeployAppRevisionArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
  /** The revision's `revision_id` (`rev_...`), as `getAppRevisions` lists it. */
  revisionId: string;
  /** The instances to redeploy it to, by VM UUID; the API's choice when omitted. */
  vm_uuids?: string[];
  /**
   * On-chain KMS apps, second call: the transaction (0x and 64 hex) that
   * registered the revision's compose hash, which the first call's 465 named.
   */
  transactionHash?: string;
}

const NAME = "redeployAppRevision";

/**
 * Runs an earlier revision of an app again (its compose file):
 * `POST /apps/{app_id}/revisions/{revision_id}/redeploy` with `{ vm_uuids }`
 * when given, and `?transaction_hash=` on the follow-up of a 465.
 *
 * Resolves `{ status: "accepted", correlation_id }` (the API's 202: the
 * redeploy runs in the background) or, for an app whose KMS is an on-chain
 * contract that does not allow the revision's compose hash yet, the 465 answer
 * as a `precondition_required` result (`compose_hash`, `app_id`, `kms_info`...):
 * register the hash in the app contract, then call again with `transactionHash`.
 */
export const redeployAppRevision = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: redeployAppRevisionResponseSchemas,
  plan: (args: RedeployAppRevisionArgs) => {
    const app = appIdSegment(NAME, args);
    const revision = encodeURIComponent(requireString(NAME, args, "revisionId").trim());
    const { transactionHash, ...body } = checkBodyArgs(
      NAME,
      args,
      { vm_uuids: "stringList", transactionHash: "transactionHash" },
      { pathKeys: ["appId", "revisionId"] },
    );
    return {
      method: "POST",
      path: `/apps/${app}/revisions/${revision}/redeploy`,
      query: { transaction_hash: transactionHash as string | undefined },
      body: body.vm_uuids === undefined ? undefined : body,
      acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
    };
  },
  shape: shapeAcceptedResult,
});

export const safeRedeployAppRevision = /* @__PURE__ */ safe(redeployAppRevision);
