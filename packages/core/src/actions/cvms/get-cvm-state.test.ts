import { afterEach, beforeEach, vi } from "vitest";
import { describeJsonRead } from "./cvms.test-support";
import { cvmStateBody } from "./fixtures.test-support";
import { getCvmState, safeGetCvmState } from "./get-cvm-state";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead("getCvmState", getCvmState, safeGetCvmState, "/state", cvmStateBody);
