import { describe, expect, it } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { setup } from "./apps.test-support";
import { getAppDeviceAllowlist } from "./get-app-device-allowlist";

describe("getAppDeviceAllowlist", () => {
  it("its GET path", async () => {
    const allowlist = setup({ is_onchain_kms: false });
    const result = await getAppDeviceAllowlist(allowlist.client, { appId: APP_HEX });
    expect(allowlist.call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/device-allowlist`);
    expect(result.devices).toEqual([]);
  });

  it("CVM ids by version: hashid lists on 2026-05-22, numbers on 2026-01-21", async () => {
    const device = {
      device_id: "cd".repeat(32),
      node_name: "prod5",
      allowed_onchain: true,
      status: "allowed",
    };
    const allowlist = setup(
      { is_onchain_kms: true, devices: [{ ...device, cvm_ids: ["cvm_a1"] }] },
      "2026-05-22",
    );
    const devices = await getAppDeviceAllowlist(allowlist.client, { appId: APP_HEX });
    expect(devices.devices[0]!.cvm_ids).toEqual(["cvm_a1"]);
    const old = setup({ is_onchain_kms: true, devices: [{ ...device, cvm_ids: [0] }] });
    const oldDevices = await getAppDeviceAllowlist(old.client, { appId: APP_HEX });
    expect(oldDevices.devices[0]!.cvm_ids).toEqual([0]);
  });
});
