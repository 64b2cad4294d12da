import { afterEach, beforeEach, vi } from "vitest";
import { describeJsonRead } from "./cvms.test-support";
import {
  getPreLaunchScriptUpgradeStatus,
  safeGetPreLaunchScriptUpgradeStatus,
} from "./get-pre-launch-script-upgrade-status";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead(
  "getPreLaunchScriptUpgradeStatus",
  getPreLaunchScriptUpgradeStatus,
  safeGetPreLaunchScriptUpgradeStatus,
  "/pre-launch-script/upgrade-status",
  () => ({
    current_hash: null,
    latest_official_hash: "b".repeat(64),
    is_official: false,
    is_latest: false,
    can_upgrade: false,
  }),
);
