import { commitCvmReplicaResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs, TRANSACTION_HASH } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type CommitCvmReplicaArgs = CvmIdInput & {
  /** The one-time `commit_token` of `replicateCvm`'s `precondition_required` result. */
  token: string;
  /** The compose hash registered in the app contract (64 hex). */
  composeHash: string;
  /**
   * The transaction that registered it: 0x and 64 hex, or `"already-registered"`
   * when the contract already allowed the hash and device and nothing was sent.
   */
  transactionHash: string;
};

const NAME = "commitCvmReplica";
/** What the API takes (and the official CLI sends) when no registering transaction was needed. */
const ALREADY_REGISTERED = "already-registered";

/**
 * Commits a replica prepared by `replicateCvm` (its 465 answer, or
 * `prepareOnly`) once the compose hash is registered on-chain:
 * `POST /cvms/{id}/commit-replica` with `{ token, compose_hash, transaction_hash }`,
 * on the same source CVM. Resolves the new replica's VM record (its `id` the
 * `cvm_...` hashid from 2026-05-22, a number before).
 */
export const commitCvmReplica = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: commitCvmReplicaResponseSchemas,
  plan: (args: CommitCvmReplicaArgs) => {
    const path = cvmPath(NAME, args, "/commit-replica");
    const body = checkBodyArgs(
      NAME,
      args,
      {
        token: { kind: "nonEmptyString", required: true },
        composeHash: { kind: "hash", required: true, wire: "compose_hash" },
        transactionHash: {
          kind: "string",
          required: true,
          wire: "transaction_hash",
          refine: (hash: string) =>
            TRANSACTION_HASH.test(hash) || hash === ALREADY_REGISTERED
              ? undefined
              : `expected a transaction hash (0x and 64 hex characters) or "${ALREADY_REGISTERED}"`,
        },
      },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "POST", path, body };
  },
});

export const safeCommitCvmReplica = /* @__PURE__ */ safe(commitCvmReplica);
