import { replicateAppCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { appIdSegment } from "../internal/app-id";
import { type ReplicaFields, replicaRequest } from "../internal/replica-request";
import { shapeUpdateResult } from "../internal/update-result";
import { vmUuidSegment } from "../internal/vm-uuid";

export interface ReplicateAppCvmArgs extends ReplicaFields {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
  /** The VM UUID of the app's CVM to copy (32 hex characters, dashes optional). */
  vmUuid: string;
}

const NAME = "replicateAppCvm";

/**
 * Adds a replica of one of an app's CVMs, same app and compose file, as a new
 * VM of that app: `POST /apps/{app_id}/cvms/{vm_uuid}/replicas` with `{ node_id,
 * teepod_id, encrypted_env, compose_hash }` (the fields given) and, with
 * `prepareOnly`, the header `X-Prepare-Only: true`. `replicateCvm` names the
 * source CVM alone; this form names it within its app.
 *
 * Resolves `ReplicateAppCvmResult` (`ReplicateAppCvmResultV20260522` from
 * 2026-05-22): the new VM record (its `id` the `cvm_...` hashid from 2026-05-22,
 * a number before) or, for an app whose KMS is an on-chain contract that does
 * not allow the new node's device yet, the 465 answer as a
 * `precondition_required` result (not an error; `isComposeHashRegistrationRequired`
 * tells the two apart): register the device in the app contract, then call
 * `commitCvmReplica` on the source CVM (`{ id: vmUuid }`) with the
 * `commit_token`, the `compose_hash` and the transaction.
 */
export const replicateAppCvm = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: replicateAppCvmResponseSchemas,
  plan: (args: ReplicateAppCvmArgs) =>
    replicaRequest(
      NAME,
      args,
      `/apps/${appIdSegment(NAME, args)}/cvms/${vmUuidSegment(NAME, args)}/replicas`,
      ["appId", "vmUuid"],
    ),
  shape: shapeUpdateResult,
});

export const safeReplicateAppCvm = /* @__PURE__ */ safe(replicateAppCvm);
