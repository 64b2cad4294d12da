import { describe, expect, it } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { setup } from "./apps.test-support";
import { getAppAttestation } from "./get-app-attestation";

describe("getAppAttestation", () => {
  it("its GET path", async () => {
    const attestation = setup({
      app_id: APP_HEX,
      contract_address: "0x0",
      kms_info: {
        contract_address: "0x1",
        chain_id: null,
        version: "v1",
        url: "u",
        gateway_app_id: null,
        gateway_app_url: "g",
        kms_type: "phala",
      },
      instances: [],
      kms_guest_agent_info: null,
      gateway_guest_agent_info: null,
      qemu_version: null,
    });
    await getAppAttestation(attestation.client, { appId: APP_HEX });
    expect(attestation.call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/attestations`);
  });
});
