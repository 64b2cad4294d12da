import { afterEach, beforeEach, vi } from "vitest";
import { describeTextFileUpdate } from "./cvms.test-support";
import { safeUpdatePreLaunchScript, updatePreLaunchScript } from "./update-pre-launch-script";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeTextFileUpdate(
  "updatePreLaunchScript",
  updatePreLaunchScript,
  safeUpdatePreLaunchScript,
  "pre_launch_script",
  "/pre-launch-script",
);
