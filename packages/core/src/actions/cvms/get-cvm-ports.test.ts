import { afterEach, beforeEach, vi } from "vitest";
import { describeJsonRead } from "./cvms.test-support";
import { getCvmPorts, safeGetCvmPorts } from "./get-cvm-ports";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead("getCvmPorts", getCvmPorts, safeGetCvmPorts, "/ports", () => [
  { id: "pm_1a2b", host_port: 30001, vm_port: 22, protocol: "tcp", host_address: "0.0.0.0" },
  { id: "pm_3c4d", host_port: 30002, vm_port: 53, protocol: "udp", host_address: "0.0.0.0" },
]);
