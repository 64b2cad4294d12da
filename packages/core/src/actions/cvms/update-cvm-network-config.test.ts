import { afterEach, beforeEach, describe, it, vi } from "vitest";
import { bad, describeActionCall, refused } from "./cvms.test-support";
import { safeUpdateCvmNetworkConfig, updateCvmNetworkConfig } from "./update-cvm-network-config";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const args = {
  id: "cvm_1",
  kms_urls: ["https://kms.example"],
  gateway_urls: ["https://gateway.example"],
  restart: true,
};
const config = {
  kms_urls: ["https://kms.example"],
  gateway_urls: ["https://gateway.example"],
  ports: [],
};

describeActionCall({
  name: "updateCvmNetworkConfig",
  method: "PATCH",
  path: "/cvms/cvm_1/network-config",
  body: {
    kms_urls: ["https://kms.example"],
    gateway_urls: ["https://gateway.example"],
    restart: true,
  },
  reply: { body: config },
  call: (c) => updateCvmNetworkConfig(c, args),
  safeCall: (c) => safeUpdateCvmNetworkConfig(c, args),
  expected: config,
});

describe("argument checks (nothing sent)", () => {
  it.each([
    ["kms_urls", { kms_urls: "https://kms.example" }],
    ["gateway_urls", { gateway_urls: [1] }],
    ["restart", { restart: "yes" }],
    ["gatewayUrls", { gatewayUrls: [] }],
  ])("refuses a bad %s", async (field, extra) => {
    await refused((c) => updateCvmNetworkConfig(c, bad({ id: "cvm_1", ...extra })), field);
  });
});
