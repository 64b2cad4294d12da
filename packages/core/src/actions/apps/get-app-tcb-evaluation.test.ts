import { describe, expect, it } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { setup, validationError } from "./apps.test-support";
import { getAppTcbEvaluation } from "./get-app-tcb-evaluation";

const instance = {
  vm_uuid: "bf1b6f57147045319ad922013366635b",
  name: "web-1",
  instance_id: null,
  status: "running",
  image_version: "0.5.3",
};

describe("getAppTcbEvaluation", () => {
  it("GET /apps/{app_id}/attestations/tcb-evaluation, the reference's defaults filled", async () => {
    const { client, call } = setup({ app_id: APP_HEX, instances: [instance] });
    const result = await getAppTcbEvaluation(client, { appId: `0x${APP_HEX}` });
    expect(call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/attestations/tcb-evaluation`);
    expect(result.update).toBe("early");
    expect(result.instances[0]).toMatchObject({
      ...instance,
      ppid: "",
      evaluation_update: "early",
      evaluation_ok: null,
      error: null,
    });
  });

  it("refuses an instance without its required fields", async () => {
    const { client } = setup({ app_id: APP_HEX, instances: [{ name: "web-1" }] });
    const error = await validationError(getAppTcbEvaluation(client, { appId: APP_HEX }));
    expect(error.issues.some((issue) => issue.path.startsWith("instances.0"))).toBe(true);
  });
});
