import { afterEach, beforeEach, vi } from "vitest";
import { describeJsonRead } from "./cvms.test-support";
import { cvmNetworkBody } from "./fixtures.test-support";
import { getCvmNetwork, safeGetCvmNetwork } from "./get-cvm-network";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead("getCvmNetwork", getCvmNetwork, safeGetCvmNetwork, "/network", cvmNetworkBody);
