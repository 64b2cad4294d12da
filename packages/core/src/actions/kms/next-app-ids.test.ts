import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RequestValidationError, ResponseValidationError } from "../../errors";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { setup } from "./kms.test-support";
import { nextAppIds, safeNextAppIds } from "./next-app-ids";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("nextAppIds", () => {
  const body = { app_ids: [{ app_id: APP_HEX, nonce: 4 }] };

  it("GETs /kms/phala/next_app_id with counts, 1 by default", async () => {
    const { fake, client } = setup({ body });
    await nextAppIds(client);
    await nextAppIds(client, { counts: 3 });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/kms/phala/next_app_id?counts=1`);
    expect(fake.calls[1]!.url).toBe(`${TEST_BASE_URL}/kms/phala/next_app_id?counts=3`);
  });

  it.each([0, 21, 1.5])("refuses counts %s", async (counts) => {
    const { fake, client } = setup({ body });
    const result = await safeNextAppIds(client, { counts });
    expect((result.error as RequestValidationError).issues[0]!.path).toBe("counts");
    expect(fake.calls).toHaveLength(0);
  });

  // The contract's NextAppId also says `minimum: 0`, which the generated schema does not check yet.
  it("rejects a nonce that is not an integer", async () => {
    const { client } = setup({ body: { app_ids: [{ app_id: APP_HEX, nonce: 1.5 }] } });
    expect((await safeNextAppIds(client)).error).toBeInstanceOf(ResponseValidationError);
  });
});
