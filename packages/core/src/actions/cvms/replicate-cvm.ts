import { replicateCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED } from "../../registration";
import { cvmPath } from "../internal/cvm-path";
import { shapeUpdateResult } from "../internal/update-result";

export type ReplicateCvmArgs = CvmIdInput & {
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
   * another party (a multisig) can register the hash and commit it with
   * `commitCvmReplica`.
   */
  prepareOnly?: boolean;
};

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
  plan: (args: ReplicateCvmArgs) => {
    const path = cvmPath(NAME, args, "/replicas");
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
      { pathKeys: CVM_ID_KEYS },
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

export const safeReplicateCvm = /* @__PURE__ */ safe(replicateCvm);
