import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { expectInvalid, setup } from "./apps.test-support";
import { getAppInfo } from "./get-app-info";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getAppInfo", () => {
  it.each([
    [APP_HEX, APP_HEX],
    [`0x${APP_HEX}`, APP_HEX],
    [`0X${APP_HEX}`, APP_HEX],
    [`app_${APP_HEX}`, APP_HEX],
    [`  app_${APP_HEX} `, APP_HEX],
  ])("strips the prefix of %j", async (appId, segment) => {
    const { fake, client } = setup();
    await getAppInfo(client, { appId }, { schema: false });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/apps/${segment}`);
  });

  it("refuses a missing or empty appId (nothing is sent)", async () => {
    const { fake, client } = setup();
    await expectInvalid(getAppInfo(client, {} as any), "getAppInfo", "appId");
    await expectInvalid(getAppInfo(client, { appId: "" }), "getAppInfo", "appId");
    await expectInvalid(getAppInfo(client, { appId: 123 } as any), "getAppInfo", "appId");
    expect(fake.calls).toHaveLength(0);
  });
});
