import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeJsonRead, setup } from "./cvms.test-support";
import { getCvmFirewallStatus, safeGetCvmFirewallStatus } from "./get-cvm-firewall-status";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead(
  "getCvmFirewallStatus",
  getCvmFirewallStatus,
  safeGetCvmFirewallStatus,
  "/firewall-status",
  () => ({ available: false, reason: "Port mappings need dstack OS 0.5.3 or later" }),
);

describe("getCvmFirewallStatus: the answer", () => {
  it("reads an absent reason as null", async () => {
    const { client } = setup({ body: { available: true } });
    await expect(getCvmFirewallStatus(client, { id: "cvm_1" })).resolves.toEqual({
      available: true,
      reason: null,
    });
  });
});
