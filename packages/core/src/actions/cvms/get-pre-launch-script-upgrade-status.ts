import { getPreLaunchScriptUpgradeStatusResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetPreLaunchScriptUpgradeStatusArgs = CvmIdInput;

/**
 * Whether a CVM runs an unmodified official pre-launch script (`is_official`),
 * the latest one (`is_latest`), and so whether `upgradePreLaunchScript` applies
 * (`can_upgrade`): `GET /cvms/{id}/pre-launch-script/upgrade-status`.
 */
export const getPreLaunchScriptUpgradeStatus = /* @__PURE__ */ defineVersionedAction({
  name: "getPreLaunchScriptUpgradeStatus",
  responses: getPreLaunchScriptUpgradeStatusResponseSchemas,
  plan: (args: GetPreLaunchScriptUpgradeStatusArgs) => ({
    method: "GET",
    path: cvmPath("getPreLaunchScriptUpgradeStatus", args, "/pre-launch-script/upgrade-status"),
  }),
});

export const safeGetPreLaunchScriptUpgradeStatus = /* @__PURE__ */ safe(
  getPreLaunchScriptUpgradeStatus,
);
