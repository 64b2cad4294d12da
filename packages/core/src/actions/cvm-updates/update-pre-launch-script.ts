import { CvmUpdateResultSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED, registrationHeaders } from "../../registration";
import { cvmPath } from "../cvm-reads/cvm-path";
import { shapeUpdateResult } from "./update-result";

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
 * `PATCH /cvms/{id}/pre-launch-script` (plain-text body). Results as `updateDockerCompose`.
 */
export const updatePreLaunchScript = /* @__PURE__ */ defineAction({
  name: NAME,
  response: CvmUpdateResultSchema,
  plan: (args: UpdatePreLaunchScriptArgs) => {
    const path = cvmPath(NAME, args, "/pre-launch-script");
    const fields = checkBodyArgs(
      NAME,
      args,
      {
        pre_launch_script: { kind: "string", required: true },
        compose_hash: "hash",
        transaction_hash: "transactionHash",
      },
      { pathKeys: CVM_ID_KEYS },
    );
    return {
      method: "PATCH",
      path,
      // The API reads this body as the file itself, not as JSON.
      body: fields.pre_launch_script,
      headers: {
        "Content-Type": "text/plain",
        ...registrationHeaders(fields.compose_hash, fields.transaction_hash),
      },
      acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
    };
  },
  shape: shapeUpdateResult,
});

export const safeUpdatePreLaunchScript = /* @__PURE__ */ safe(updatePreLaunchScript);
