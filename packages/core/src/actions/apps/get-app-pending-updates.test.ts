import { describe, expect, it } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { setup, validationError } from "./apps.test-support";
import { getAppPendingUpdates } from "./get-app-pending-updates";

describe("getAppPendingUpdates", () => {
  it("GET /apps/{app_id}/pending-updates: one item per waiting update", async () => {
    const item = {
      vm_uuid: "bf1b6f57147045319ad922013366635b",
      compose_hash: "ab".repeat(32),
      on_chain: true,
      instance_name: "oracle-1",
    };
    const { client, call } = setup({ items: [item] });
    await expect(getAppPendingUpdates(client, { appId: APP_HEX })).resolves.toEqual({
      items: [item],
    });
    expect(call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/pending-updates`);
  });

  it("no items is an empty list; an item without its hash is refused", async () => {
    await expect(getAppPendingUpdates(setup({}).client, { appId: APP_HEX })).resolves.toEqual({
      items: [],
    });
    const { client } = setup({ items: [{ vm_uuid: "x", on_chain: true }] });
    const error = await validationError(getAppPendingUpdates(client, { appId: APP_HEX }));
    expect(error.issues[0]?.path).toBe("items.0.compose_hash");
  });
});
