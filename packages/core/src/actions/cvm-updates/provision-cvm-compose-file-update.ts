import {
  type CvmAppCompose,
  ProvisionCvmComposeFileUpdateResultSchema,
} from "@phala/cloud-schemas";
import { defineAction, invalidArguments, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../cvm-reads/cvm-path";
import { checkFields } from "./body-fields";

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
 * (and, for an on-chain KMS, to register in the app contract first).
 */
export const provisionCvmComposeFileUpdate = /* @__PURE__ */ defineAction({
  name: NAME,
  response: ProvisionCvmComposeFileUpdateResultSchema,
  plan: (args: ProvisionCvmComposeFileUpdateArgs) => {
    const path = cvmPath(NAME, args, "/compose_file/provision");
    const fields = checkFields(NAME, args, {
      app_compose: { kind: "object", required: true },
      update_env_vars: { kind: "boolean" },
    });
    const compose = fields.app_compose as Record<string, unknown>;
    if (typeof compose.docker_compose_file !== "string") {
      invalidArguments(NAME, [
        { path: "app_compose.docker_compose_file", message: "expected a string" },
      ]);
    }
    const body: Record<string, unknown> = { ...compose };
    if (args.update_env_vars !== undefined) body.update_env_vars = args.update_env_vars;
    return { method: "POST", path, body };
  },
});

export const safeProvisionCvmComposeFileUpdate = /* @__PURE__ */ safe(
  provisionCvmComposeFileUpdate,
);
