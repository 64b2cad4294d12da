import { replicateAppCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { COMPOSE_HASH_REGISTRATION_REQUIRED } from "../../registration";
import { appIdSegment } from "../internal/app-id";
import { shapeUpdateResult } from "../internal/update-result";
import { vmUuidSegment } from "../internal/vm-uuid";

export interface ReplicateAppCvmArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
  /** The VM UUID of the app's CVM to copy (32 hex characters, dashes optional). */
  vmUuid: string;
  /** The node for the replica; the API picks one when omitted. */
  node_id?: number;
  /** The node by its teepod id: another id space than `node_id`, not an alias of it. */
  teepod_id?: number;
  /** The replica's env vars, hex from `encryptEnvVars`; the source CVM's when omitted. */
  encrypted_env?: string;
  /** The compose hash the replica runs (64 hex), e.g. the one registered on-chain. */
  compose_hash?: string;
  /**
   * Only prepare the replica (sent as `X-Prepare-Only: true`): for an app whose
   * KMS is an on-chain contract the answer carries a one-time `commit_token`, so
   * another party (a multisig) can register the device and commit it.
   */
  prepareOnly?: boolean;
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
  plan: (args: ReplicateAppCvmArgs) => {
    const path = `/apps/${appIdSegment(NAME, args)}/cvms/${vmUuidSegment(NAME, args)}/replicas`;
    const { prepareOnly, ...body } = checkBodyArgs(
      NAME,
      args,
      {
        node_id: "positiveInt",
        teepod_id: "positiveInt",
        encrypted_env: "hex",
        compose_hash: "hash",
        prepareOnly: "boolean",
      },
      { pathKeys: ["appId", "vmUuid"] },
    );
    return {
      method: "POST",
      path,
      body,
      headers: prepareOnly ? { "X-Prepare-Only": "true" } : undefined,
      acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
    };
  },
  shape: shapeUpdateResult,
});

export const safeReplicateAppCvm = /* @__PURE__ */ safe(replicateAppCvm);
