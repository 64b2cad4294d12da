import { commitCvmComposeFileUpdateResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED, registrationHeaders } from "../../registration";
import { cvmPath } from "../internal/cvm-path";
import { shapeAcceptedResult } from "../internal/update-result";

export type CommitCvmComposeFileUpdateArgs = CvmIdInput & {
  /** From `provisionCvmComposeFileUpdate`. */
  compose_hash: string;
  /** Env vars encrypted with `encryptEnvVars` for the app's KMS public key. */
  encrypted_env?: string;
  /** Names of the env vars the new compose allows. */
  env_keys?: string[];
  update_env_vars?: boolean | null;
  /** On-chain KMS: the transaction that registered `compose_hash` (sent as `X-Transaction-Hash`). */
  transaction_hash?: string;
};

const NAME = "commitCvmComposeFileUpdate";

/**
 * Phase 2 of a compose update: `PATCH /cvms/{id}/compose_file` with the provisioned
 * hash. The API answers 202 and restarts the VM with it: `{ status: "accepted" }`.
 * When the app's KMS is on-chain and the hash is not registered yet, the result is
 * `{ status: "precondition_required", compose_hash, app_id, kms_info, ... }`; call again
 * with `transaction_hash` once it is. (The public `@phala/cloud` resolves `undefined`
 * here and throws on 465.)
 */
export const commitCvmComposeFileUpdate = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: commitCvmComposeFileUpdateResponseSchemas,
  plan: (args: CommitCvmComposeFileUpdateArgs) => {
    const path = cvmPath(NAME, args, "/compose_file");
    const { transaction_hash, ...body } = checkBodyArgs(
      NAME,
      args,
      {
        compose_hash: { kind: "hash", required: true },
        encrypted_env: "string",
        env_keys: "stringList",
        update_env_vars: "boolean",
        transaction_hash: "transactionHash",
      },
      { pathKeys: CVM_ID_KEYS },
    );
    return {
      method: "PATCH",
      path,
      body,
      headers: transaction_hash
        ? registrationHeaders(body.compose_hash, transaction_hash)
        : undefined,
      acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
    };
  },
  shape: shapeAcceptedResult,
});

export const safeCommitCvmComposeFileUpdate = /* @__PURE__ */ safe(commitCvmComposeFileUpdate);
