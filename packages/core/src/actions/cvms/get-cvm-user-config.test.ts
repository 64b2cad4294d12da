import { afterEach, beforeEach, vi } from "vitest";
import { describeJsonRead } from "./cvms.test-support";
import { getCvmUserConfig, safeGetCvmUserConfig } from "./get-cvm-user-config";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead(
  "getCvmUserConfig",
  getCvmUserConfig,
  safeGetCvmUserConfig,
  "/user_config",
  () => ({
    hostname: "price-oracle",
    ssh_authorized_keys: ["ssh-ed25519 AAAA alice"],
    default_gateway_domain: null,
  }),
);
