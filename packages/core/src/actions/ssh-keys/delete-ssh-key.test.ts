import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { deleteSshKey, safeDeleteSshKey } from "./delete-ssh-key";
import { setup } from "./ssh-keys.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("deleteSshKey", () => {
  it("DELETEs the key by id and resolves undefined on 204", async () => {
    const { fake, client } = setup({ status: 204 });
    await expect(deleteSshKey(client, { keyId: "sshkey_1/2" })).resolves.toBeUndefined();
    expect(fake.calls[0]).toMatchObject({
      method: "DELETE",
      url: `${TEST_BASE_URL}/user/ssh-keys/sshkey_1%2F2`,
    });
  });

  it("refuses a missing keyId", async () => {
    const { fake, client } = setup({ status: 204 });
    const result = await safeDeleteSshKey(client, {} as never);
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect(fake.calls).toHaveLength(0);
  });
});
