import { refreshCvmInstanceIdResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type RefreshCvmInstanceIdArgs = CvmIdInput & {
  /** Replace an instance id already recorded. */
  overwrite?: boolean;
  /** Report what would change without saving it. */
  dry_run?: boolean;
};

/**
 * Re-reads one CVM's instance id from its node: `PATCH /cvms/{id}/instance-id`.
 * The result's `cvm_id` is a number until 2026-01-21, the `cvm_...` hashid from 2026-05-22.
 */
export const refreshCvmInstanceId = /* @__PURE__ */ defineVersionedAction({
  name: "refreshCvmInstanceId",
  responses: refreshCvmInstanceIdResponseSchemas,
  plan: (args: RefreshCvmInstanceIdArgs) => {
    const path = cvmPath("refreshCvmInstanceId", args, "/instance-id");
    const body = checkBodyArgs(
      "refreshCvmInstanceId",
      args,
      { overwrite: "boolean", dry_run: "boolean" },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "PATCH", path, body };
  },
});

export const safeRefreshCvmInstanceId = /* @__PURE__ */ safe(refreshCvmInstanceId);
