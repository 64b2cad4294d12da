import { replicateCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";
import { type ReplicaFields, replicaRequest } from "../internal/replica-request";
import { shapeUpdateResult } from "../internal/update-result";

export type ReplicateCvmArgs = CvmIdInput & ReplicaFields;

const NAME = "replicateCvm";

/**
 * Adds a replica of a CVM, same app and compose file, as a new VM:
 * `POST /cvms/{id}/replicas` with `{ node_id, teepod_id, encrypted_env,
 * compose_hash }` (the fields given) and, with `prepareOnly`, the header
 * `X-Prepare-Only: true`. Resolves `ReplicateCvmResult` (`ReplicateCvmResultV20260522`
 * from 2026-05-22, both in `@phala/cloud-schemas`): the new VM record (its `id`
 * the `cvm_...` hashid from 2026-05-22, a number before), or, for an app whose
 * KMS is an on-chain contract and whose compose hash (or the new device) the
 * contract does not allow yet, the 465 answer as a `precondition_required`
 * result (not an error; `isComposeHashRegistrationRequired` tells the two
 * apart): register the hash in the app contract, then call `commitCvmReplica`
 * with the `commit_token`, the hash and the transaction.
 */
export const replicateCvm = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: replicateCvmResponseSchemas,
  plan: (args: ReplicateCvmArgs) =>
    replicaRequest(NAME, args, cvmPath(NAME, args, "/replicas"), CVM_ID_KEYS),
  shape: shapeUpdateResult,
});

export const safeReplicateCvm = /* @__PURE__ */ safe(replicateCvm);
