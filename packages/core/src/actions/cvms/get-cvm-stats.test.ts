import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeJsonRead, setup } from "./cvms.test-support";
import { cvmStatsBody } from "./fixtures.test-support";
import { getCvmStats, safeGetCvmStats } from "./get-cvm-stats";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead("getCvmStats", getCvmStats, safeGetCvmStats, "/stats", cvmStatsBody);

describe("offline VMs", () => {
  it("getCvmStats accepts is_online: false with null sysinfo", async () => {
    const body = {
      ...cvmStatsBody(),
      is_online: false,
      sysinfo: null,
      error: "CVM is not running",
    };
    const { client } = setup({ body });
    const stats = await getCvmStats(client, { id: "cvm_1" });
    expect(stats.is_online).toBe(false);
    expect(stats.sysinfo).toBeNull();
  });
});
