import { commitCvmUpdateResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";
import { type CorrelationIdCompletion, withCorrelationId } from "../internal/update-result";

export type CommitCvmUpdateArgs = CvmIdInput & {
  /** The one-time `commit_token` of a prepare-only `patchCvm`. */
  token: string;
  composeHash: string;
  /** The transaction that registered the hash: 0x and 64 hex. */
  transactionHash: string;
};

const NAME = "commitCvmUpdate";

/**
 * Commits a prepare-only `patchCvm` with its one-time token:
 * `POST /cvms/{id}/commit-update` `{ token, compose_hash, transaction_hash }`.
 * Resolves `{ status, correlation_id }`, with the official SDK's documented
 * `correlationId` beside them, not enumerable (not with `schema: false` or the
 * caller's own schema).
 */
export const commitCvmUpdate = /* @__PURE__ */ defineVersionedAction<
  typeof NAME,
  CommitCvmUpdateArgs,
  false,
  CorrelationIdCompletion
>({
  name: NAME,
  responses: commitCvmUpdateResponseSchemas,
  plan: (args: CommitCvmUpdateArgs) => {
    const path = cvmPath(NAME, args, "/commit-update");
    const body = checkBodyArgs(
      NAME,
      args,
      {
        token: { kind: "nonEmptyString", required: true },
        composeHash: { kind: "hash", required: true, wire: "compose_hash" },
        transactionHash: { kind: "transactionHash", required: true, wire: "transaction_hash" },
      },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "POST", path, body };
  },
  finish: withCorrelationId,
});

export const safeCommitCvmUpdate = /* @__PURE__ */ safe(commitCvmUpdate);
