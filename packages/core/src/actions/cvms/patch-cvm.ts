import { patchCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED } from "../../registration";
import { cvmPath } from "../internal/cvm-path";
import { type CvmGpuConfig, GPU_CONFIG_FIELD } from "../internal/gpu-config";
import {
  type OnChainHashCompletion,
  shapeAcceptedResult,
  withOnChainHashFields,
} from "../internal/update-result";

export interface CvmPatchFields {
  /** Changes the compose hash. */
  docker_compose_file?: string;
  /** Changes the compose hash. */
  pre_launch_script?: string;
  /** Changes the compose hash. */
  allowed_envs?: string[];
  public_logs?: boolean;
  public_sysinfo?: boolean;
  public_tcbinfo?: boolean;
  /** Hex from `encryptEnvVars` with the app's env-encryption public key. */
  encrypted_env?: string;
  user_config?: string;
  /**
   * The GPUs to attach: `{ gpus: [{ slot, product_id? }], attach_mode }` (the
   * API's `GpuConfig`; `attach_mode: "all"` takes every GPU of the node).
   */
  gpus?: CvmGpuConfig;
  vcpu?: number;
  /** MB. */
  memory?: number;
  /** GB. */
  disk_size?: number;
  /** An instance type instead of vcpu and memory, e.g. `tdx.medium`. */
  instance_type?: string;
  /** Whether the API may restart a running CVM to apply the change. */
  allow_restart?: boolean;
  /** OS image name. */
  image?: string;
  /** Seconds (10 to 1200) to wait for a graceful stop when the change needs a restart. */
  shutdown_timeout?: number;
  allow_force_stop?: boolean;
}

export type PatchCvmArgs = CvmIdInput &
  CvmPatchFields & {
    /**
     * Only prepare the update (sent as `X-Prepare-Only: true`): for an on-chain KMS the
     * result carries a one-time `commit_token` so another party (a multisig) can
     * register the hash and commit with `commitCvmUpdate`.
     */
    prepareOnly?: boolean;
  };

const NAME = "patchCvm";

/**
 * Applies only the given fields to a CVM: `PATCH /cvms/{id}` (the fields of the
 * API's `UpdateCvmRequest`, plus `instance_type` and `allow_restart`, which the
 * API takes here for a resize). Resolves
 * `{ status: "accepted", correlation_id }` (HTTP 202), or, when a compose-hash change
 * of an on-chain-KMS app must be registered first (HTTP 465),
 * `{ status: "precondition_required", compose_hash, app_id, device_id, kms_info,
 * commit_token?, commit_url?, api_commit_url?, onchain_status? }`; then call
 * `confirmCvmPatch` with the hash and the registering transaction.
 *
 * The result is discriminated by `status`, with the API's own field names, like
 * every other update result of this SDK. The official SDK's documented form is
 * there too, not enumerable (the JSON, a spread and equality see the API's
 * fields alone): `requiresOnChainHash` (`false` with `correlationId`; `true`
 * with `composeHash`, `appId`, `deviceId`, `kmsInfo`, `commitToken`,
 * `commitUrl`, `apiCommitUrl`, `onchainStatus`), the same values; `kms_info`
 * (`kmsInfo`) has `chain`, the viem-shaped chain of its `chain_id`. Not with
 * `schema: false` or the caller's own schema: the result is then theirs.
 */
export const patchCvm = /* @__PURE__ */ defineVersionedAction<
  typeof NAME,
  PatchCvmArgs,
  false,
  OnChainHashCompletion
>({
  name: NAME,
  responses: patchCvmResponseSchemas,
  plan: (args: PatchCvmArgs) => {
    const path = cvmPath(NAME, args, "");
    const { prepareOnly, ...body } = checkBodyArgs(
      NAME,
      args,
      {
        docker_compose_file: "string",
        pre_launch_script: "string",
        allowed_envs: "stringList",
        public_logs: "boolean",
        public_sysinfo: "boolean",
        public_tcbinfo: "boolean",
        encrypted_env: "string",
        user_config: "string",
        gpus: GPU_CONFIG_FIELD,
        vcpu: "positiveInt",
        memory: "positiveInt",
        disk_size: "positiveInt",
        instance_type: "nonEmptyString",
        allow_restart: "boolean",
        image: "nonEmptyString",
        shutdown_timeout: { kind: "int", min: 10, max: 1200 },
        allow_force_stop: "boolean",
        prepareOnly: "boolean",
      },
      { pathKeys: CVM_ID_KEYS },
    );
    if (Object.keys(body).length === 0) {
      invalidArguments(NAME, [{ path: "", message: "give at least one field to change" }]);
    }
    return {
      method: "PATCH",
      path,
      body,
      headers: prepareOnly ? { "X-Prepare-Only": "true" } : undefined,
      acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
    };
  },
  shape: shapeAcceptedResult,
  finish: withOnChainHashFields,
});

export const safePatchCvm = /* @__PURE__ */ safe(patchCvm);
