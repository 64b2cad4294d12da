import { updateCvmEnvsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED } from "../../registration";
import { cvmPath } from "../internal/cvm-path";
import { type KmsInfoChain, withKmsInfoChain } from "../internal/kms-chain";
import { shapeUpdateResult } from "../internal/update-result";

export type UpdateCvmEnvsArgs = CvmIdInput & {
  /** Env vars encrypted with `encryptEnvVars` for the app's KMS public key (hex). */
  encrypted_env: string;
  /** The allowed env var names; changing them changes the compose hash. */
  env_keys?: string[];
  /** Follow-up after `precondition_required`: the hash it returned... */
  compose_hash?: string;
  /** ...and the transaction that registered it on-chain. */
  transaction_hash?: string;
};

const NAME = "updateCvmEnvs";

/**
 * Replaces a CVM's encrypted env vars: `PATCH /cvms/{id}/envs`. Resolves
 * `{ status: "in_progress", correlation_id, allowed_envs_changed }`, or, when new
 * `env_keys` change the compose hash of an on-chain-KMS app,
 * `{ status: "precondition_required", compose_hash, app_id, device_id, kms_info }`
 * (HTTP 465): register the hash, then call again with `compose_hash` and `transaction_hash`.
 * The 465's `kms_info` has `chain` (the viem-shaped chain of its `chain_id`, not
 * enumerable), as the official SDK's reference reads it.
 */
export const updateCvmEnvs = /* @__PURE__ */ defineVersionedAction<
  typeof NAME,
  UpdateCvmEnvsArgs,
  false,
  KmsInfoChain
>({
  name: NAME,
  responses: updateCvmEnvsResponseSchemas,
  plan: (args: UpdateCvmEnvsArgs) => ({
    method: "PATCH",
    path: cvmPath(NAME, args, "/envs"),
    body: checkBodyArgs(
      NAME,
      args,
      {
        encrypted_env: { kind: "string", required: true },
        env_keys: "stringList",
        compose_hash: "hash",
        transaction_hash: "transactionHash",
      },
      { pathKeys: CVM_ID_KEYS },
    ),
    acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
  }),
  shape: shapeUpdateResult,
  finish: withKmsInfoChain,
});

export const safeUpdateCvmEnvs = /* @__PURE__ */ safe(updateCvmEnvs);
