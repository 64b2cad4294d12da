import { type CvmAppCompose, submitCvmComposeFileResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED, registrationHeaders } from "../../registration";
import { cvmPath } from "../internal/cvm-path";
import { shapeAcceptedResult } from "../internal/update-result";

export type SubmitCvmComposeFileArgs = CvmIdInput & {
  /** The new app compose (app-compose.json); `name` is required. */
  compose_file: CvmAppCompose;
  /** Its compose hash, as `provisionCvmComposeFileUpdate` (or `getComposeHash`) gives it. */
  compose_hash: string;
  /** Env vars encrypted with `encryptEnvVars` for the app's KMS public key. */
  encrypted_env?: string;
  /** Names of the env vars the new compose allows. */
  env_keys?: string[];
  /** On-chain KMS: the transaction that registered `compose_hash` (sent as `X-Transaction-Hash`). */
  transaction_hash?: string;
};

const NAME = "submitCvmComposeFile";

/**
 * Replaces a CVM's app compose in one call, with its hash:
 * `POST /cvms/{id}/compose_file` with `{ compose_file, compose_hash,
 * encrypted_env?, env_keys? }`. The API answers 202 and restarts the VM with it:
 * `{ status: "accepted", correlation_id }`. When the app's KMS is on-chain and
 * the hash is not registered (HTTP 465) the result is
 * `{ status: "precondition_required", compose_hash, app_id, kms_info, ... }`;
 * call again with `transaction_hash` once it is. The two-step form is
 * `provisionCvmComposeFileUpdate` then `commitCvmComposeFileUpdate`.
 */
export const submitCvmComposeFile = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: submitCvmComposeFileResponseSchemas,
  plan: (args: SubmitCvmComposeFileArgs) => {
    const path = cvmPath(NAME, args, "/compose_file");
    const { transaction_hash, ...body } = checkBodyArgs(
      NAME,
      args,
      {
        compose_file: {
          kind: "object",
          required: true,
          refine: (compose) =>
            typeof compose.name === "string" && compose.name.trim() !== ""
              ? undefined
              : [{ path: "name", message: "expected a non-empty string" }],
        },
        compose_hash: { kind: "hash", required: true },
        encrypted_env: "hex",
        env_keys: "stringList",
        transaction_hash: "transactionHash",
      },
      { pathKeys: CVM_ID_KEYS },
    );
    return {
      method: "POST",
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

export const safeSubmitCvmComposeFile = /* @__PURE__ */ safe(submitCvmComposeFile);
