import { afterEach, beforeEach, vi } from "vitest";
import { describeJsonRead } from "./cvms.test-support";
import { cvmContainersBody } from "./fixtures.test-support";
import { getCvmContainersStats, safeGetCvmContainersStats } from "./get-cvm-containers-stats";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead(
  "getCvmContainersStats",
  getCvmContainersStats,
  safeGetCvmContainersStats,
  "/composition",
  cvmContainersBody,
);
