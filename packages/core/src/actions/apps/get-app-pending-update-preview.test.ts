import { describe, expect, it } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { expectInvalid, setup } from "./apps.test-support";
import { getAppPendingUpdatePreview } from "./get-app-pending-update-preview";

const VM_UUID = "bf1b6f57147045319ad922013366635b";
const HASH = `0x${"ab".repeat(32)}`;

describe("getAppPendingUpdatePreview", () => {
  it("GET .../pending-updates/{vm_uuid}/{compose_hash}/preview: now and after", async () => {
    const body = {
      current_docker_compose: "services: {}",
      pending_docker_compose: "services:\n  web: {}",
      current_pre_launch_script: null,
      pending_pre_launch_script: null,
    };
    const { client, call } = setup(body);
    const preview = await getAppPendingUpdatePreview(client, {
      appId: APP_HEX,
      vmUuid: VM_UUID,
      composeHash: HASH,
    });
    expect(call().url).toBe(
      `${TEST_BASE_URL}/apps/${APP_HEX}/pending-updates/${VM_UUID}/${HASH}/preview`,
    );
    expect(preview).toEqual(body);
  });

  it("absent texts are null", async () => {
    const { client } = setup({});
    await expect(
      getAppPendingUpdatePreview(client, { appId: APP_HEX, vmUuid: VM_UUID, composeHash: HASH }),
    ).resolves.toEqual({
      current_docker_compose: null,
      pending_docker_compose: null,
      current_pre_launch_script: null,
      pending_pre_launch_script: null,
    });
  });

  it("refuses a malformed hash, VM UUID or extra argument before sending", async () => {
    const { client, fake } = setup({});
    const name = "getAppPendingUpdatePreview";
    const args = { appId: APP_HEX, vmUuid: VM_UUID, composeHash: HASH };
    await expectInvalid(
      getAppPendingUpdatePreview(client, { ...args, composeHash: "abc" }),
      name,
      "composeHash",
    );
    await expectInvalid(
      getAppPendingUpdatePreview(client, { ...args, vmUuid: "x" }),
      name,
      "vmUuid",
    );
    await expectInvalid(
      getAppPendingUpdatePreview(client, { ...args, compose_hash: HASH } as never),
      name,
      "compose_hash",
    );
    expect(fake.calls).toHaveLength(0);
  });
});
