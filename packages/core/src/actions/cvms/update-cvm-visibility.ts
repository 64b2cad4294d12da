import { type CvmPatchResult, updateCvmVisibilityResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED } from "../../registration";
import { cvmPath } from "../internal/cvm-path";
import { shapeAcceptedResult } from "../internal/update-result";

export type UpdateCvmVisibilityArgs = CvmIdInput & {
  public_sysinfo: boolean;
  public_logs: boolean;
  public_tcbinfo?: boolean;
};

/** The visibility the call set, as it set it (`public_tcbinfo` `null` when not sent). */
export interface CvmVisibility {
  public_sysinfo: boolean;
  public_logs: boolean;
  public_tcbinfo: boolean | null;
}

/**
 * `updateCvmVisibility`'s result: the update's answer (`accepted` with its
 * `correlation_id`, or the 465 `precondition_required` of an on-chain KMS app)
 * and the visibility it set.
 */
export type UpdateCvmVisibilityResult = CvmPatchResult & CvmVisibility;

const NAME = "updateCvmVisibility";

/**
 * Who may read a CVM's system info, logs and TCB info: `PATCH /cvms/{id}` with
 * `{ public_sysinfo, public_logs, public_tcbinfo? }`. The API answers 202 and
 * applies it in the background; resolves `{ status: "accepted", correlation_id }`
 * with the values just set (`public_sysinfo`, `public_logs`, `public_tcbinfo`),
 * or, for an app whose KMS is on-chain (these flags are part of the app compose,
 * so its hash changes), the 465 answer as `status: "precondition_required"`:
 * register the hash, then `confirmCvmPatch`.
 *
 * It used to send `PATCH /cvms/{id}/visibility` (deprecated in the API
 * reference, absent from its current version) and resolve the CVM's record;
 * `getCvmInfo` reads the record once the change is applied.
 */
export const updateCvmVisibility = /* @__PURE__ */ defineVersionedAction<
  typeof NAME,
  UpdateCvmVisibilityArgs,
  false,
  CvmVisibility
>({
  name: NAME,
  // The table checks the answer; `finish` adds the values set.
  responses: updateCvmVisibilityResponseSchemas,
  plan: (args: UpdateCvmVisibilityArgs) => {
    const path = cvmPath(NAME, args);
    const body = checkBodyArgs(
      NAME,
      args,
      {
        public_sysinfo: { kind: "boolean", required: true },
        public_logs: { kind: "boolean", required: true },
        public_tcbinfo: "boolean",
      },
      { pathKeys: CVM_ID_KEYS },
    );
    return {
      method: "PATCH",
      path,
      body,
      acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
    };
  },
  shape: shapeAcceptedResult,
  finish: (result: CvmPatchResult, args: UpdateCvmVisibilityArgs): UpdateCvmVisibilityResult => ({
    ...result,
    public_sysinfo: args.public_sysinfo,
    public_logs: args.public_logs,
    public_tcbinfo: args.public_tcbinfo ?? null,
  }),
});

export const safeUpdateCvmVisibility = /* @__PURE__ */ safe(updateCvmVisibility);
