import {
  type CvmAppCompose,
  provisionCvmComposeFileUpdateResponseSchemas,
} from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";
import { type KmsInfoChain, withKmsInfoChain } from "../internal/kms-chain";

export type ProvisionCvmComposeFileUpdateArgs = CvmIdInput & {
  /** The new app compose; `docker_compose_file` is required. */
  app_compose: CvmAppCompose;
  /** Also replace the env vars on commit (with `encrypted_env` there). */
  update_env_vars?: boolean | null;
};

const NAME = "provisionCvmComposeFileUpdate";

/**
 * Phase 1 of a compose update: `POST /cvms/{id}/compose_file/provision` with the new
 * app compose. Returns the `compose_hash` to pass to `commitCvmComposeFileUpdate`
 * (and, for an on-chain KMS, to register in the app contract first). Its
 * `kms_info` has `chain` (the viem-shaped chain of its `chain_id`, not
 * enumerable), as the official SDK's reference reads it.
 */
export const provisionCvmComposeFileUpdate = /* @__PURE__ */ defineVersionedAction<
  typeof NAME,
  ProvisionCvmComposeFileUpdateArgs,
  false,
  KmsInfoChain
>({
  name: NAME,
  responses: provisionCvmComposeFileUpdateResponseSchemas,
  plan: (args: ProvisionCvmComposeFileUpdateArgs) => {
    const path = cvmPath(NAME, args, "/compose_file/provision");
    const { app_compose, ...rest } = checkBodyArgs(
      NAME,
      args,
      {
        app_compose: {
          kind: "object",
          required: true,
          refine: (compose) =>
            typeof compose.docker_compose_file === "string"
              ? undefined
              : [{ path: "docker_compose_file", message: "expected a string" }],
        },
        update_env_vars: "boolean",
      },
      { pathKeys: CVM_ID_KEYS },
    );
    // The API takes the app compose's fields at the top level of the body.
    return { method: "POST", path, body: { ...(app_compose as object), ...rest } };
  },
  finish: withKmsInfoChain,
});

export const safeProvisionCvmComposeFileUpdate = /* @__PURE__ */ safe(
  provisionCvmComposeFileUpdate,
);
