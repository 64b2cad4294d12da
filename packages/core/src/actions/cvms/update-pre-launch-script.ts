import { updatePreLaunchScriptResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { type KmsInfoChain, withKmsInfoChain } from "../internal/kms-chain";
import { planTextFileUpdate } from "../internal/text-file-update";
import { shapeUpdateResult } from "../internal/update-result";

export type UpdatePreLaunchScriptArgs = CvmIdInput & {
  pre_launch_script: string;
  /** Follow-up after `precondition_required`: the hash it returned (sent as `X-Compose-Hash`)... */
  compose_hash?: string;
  /** ...and the transaction that registered it on-chain (`X-Transaction-Hash`). */
  transaction_hash?: string;
};

const NAME = "updatePreLaunchScript";

/**
 * Replaces a CVM's pre-launch script (run before its containers start):
 * `PATCH /cvms/{id}/pre-launch-script` (plain-text body). Results as `updateDockerCompose`
 * (the 465's `kms_info` with `chain`).
 */
export const updatePreLaunchScript = /* @__PURE__ */ defineVersionedAction<
  typeof NAME,
  UpdatePreLaunchScriptArgs,
  false,
  KmsInfoChain
>({
  name: NAME,
  responses: updatePreLaunchScriptResponseSchemas,
  plan: (args: UpdatePreLaunchScriptArgs) =>
    planTextFileUpdate(NAME, args, {
      segment: "/pre-launch-script",
      field: "pre_launch_script",
      contentType: "text/plain",
    }),
  shape: shapeUpdateResult,
  finish: withKmsInfoChain,
});

export const safeUpdatePreLaunchScript = /* @__PURE__ */ safe(updatePreLaunchScript);
