import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeJsonRead, setup } from "./cvms.test-support";
import { cvmAttestationBody } from "./fixtures.test-support";
import { getCvmAttestation, safeGetCvmAttestation } from "./get-cvm-attestation";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead(
  "getCvmAttestation",
  getCvmAttestation,
  safeGetCvmAttestation,
  "/attestation",
  cvmAttestationBody,
);

describe("offline VMs", () => {
  it("getCvmAttestation accepts null certificates and TCB info", async () => {
    const body = {
      ...cvmAttestationBody(),
      is_online: false,
      app_certificates: null,
      tcb_info: null,
    };
    const result = await getCvmAttestation(setup({ body }).client, { id: "cvm_1" });
    expect(result.tcb_info).toBeNull();
  });
});
