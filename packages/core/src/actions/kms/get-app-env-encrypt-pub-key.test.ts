import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestValidationError, ResponseValidationError } from "../../errors";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { getAppEnvEncryptPubKey, safeGetAppEnvEncryptPubKey } from "./get-app-env-encrypt-pub-key";
import { itPinsNodeKeyed, setup } from "./kms.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const body = { public_key: "ab".repeat(32), signature: "cd".repeat(65) };

describe("getAppEnvEncryptPubKey", () => {
  it.each([APP_HEX, `0x${APP_HEX.toUpperCase()}`, `app_${APP_HEX}`])(
    "GETs /kms/{kms}/pubkey/{bare hex} for %s",
    async (appId) => {
      const { fake, client } = setup({ body });
      await expect(
        getAppEnvEncryptPubKey(client, { kms: "phala-prod", app_id: appId }),
      ).resolves.toEqual(body);
      expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/kms/phala-prod/pubkey/${APP_HEX}`);
    },
  );

  it.each([
    [{ kms: "phala-prod", app_id: "abc" }, "app_id"],
    [{ app_id: APP_HEX }, "kms"],
  ])("refuses %j", async (args, field) => {
    const { fake, client } = setup({ body });
    const result = await safeGetAppEnvEncryptPubKey(client, args as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });

  it("rejects a body without signature", async () => {
    const { client } = setup({ body: { public_key: "ab" } });
    const result = await safeGetAppEnvEncryptPubKey(client, { kms: "k", app_id: APP_HEX });
    expect((result.error as ResponseValidationError).issues[0]!.path).toBe("signature");
  });
});

describe("getAppEnvEncryptPubKey: the version it sends (node-keyed)", () => {
  itPinsNodeKeyed((c) => getAppEnvEncryptPubKey(c, { kms: "phala-prod", app_id: APP_HEX }), body);
});
