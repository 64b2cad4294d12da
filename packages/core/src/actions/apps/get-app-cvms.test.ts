import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { expectInvalid, setup } from "./apps.test-support";
import { getAppCvms } from "./get-app-cvms";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getAppCvms", () => {
  it.each([
    [APP_HEX, APP_HEX],
    [`0x${APP_HEX}`, APP_HEX],
    [`0X${APP_HEX}`, APP_HEX],
    [`app_${APP_HEX}`, APP_HEX],
    [`  app_${APP_HEX} `, APP_HEX],
  ])("strips the prefix of %j", async (appId, segment) => {
    const { fake, client } = setup();
    await getAppCvms(client, { appId }, { schema: false });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/apps/${segment}/cvms`);
  });

  it("refuses a missing or empty appId (nothing is sent)", async () => {
    const { fake, client } = setup();
    await expectInvalid(getAppCvms(client, {} as any), "getAppCvms", "appId");
    await expectInvalid(getAppCvms(client, { appId: "" }), "getAppCvms", "appId");
    await expectInvalid(getAppCvms(client, { appId: 123 } as any), "getAppCvms", "appId");
    expect(fake.calls).toHaveLength(0);
  });
});
