import { InstanceIdRefreshResultSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmRequest } from "./body-args";

export type RefreshCvmInstanceIdArgs = CvmIdInput & {
  /** Replace an instance id already recorded. */
  overwrite?: boolean;
  /** Report what would change without saving it. */
  dry_run?: boolean;
};

/** Re-reads one CVM's instance id from its node: `PATCH /cvms/{id}/instance-id`. */
export const refreshCvmInstanceId = /* @__PURE__ */ defineAction({
  name: "refreshCvmInstanceId",
  response: InstanceIdRefreshResultSchema,
  plan: (args: RefreshCvmInstanceIdArgs) => {
    const { path, body } = cvmRequest("refreshCvmInstanceId", args, "/instance-id", {
      checks: { overwrite: "boolean", dry_run: "boolean" },
    });
    return { method: "PATCH", path, body };
  },
});

export const safeRefreshCvmInstanceId = /* @__PURE__ */ safe(refreshCvmInstanceId);
