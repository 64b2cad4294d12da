import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictError, RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { createSshKey, safeCreateSshKey } from "./create-ssh-key";
import { PUBLIC_KEY, setup, sshKeyBody } from "./ssh-keys.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("createSshKey", () => {
  it("POSTs name and the trimmed public key", async () => {
    const { fake, client } = setup({ status: 201, body: sshKeyBody() });
    const key = await createSshKey(client, { name: "laptop", public_key: `  ${PUBLIC_KEY}\n` });
    expect(fake.calls[0]).toMatchObject({
      method: "POST",
      url: `${TEST_BASE_URL}/user/ssh-keys`,
      body: { name: "laptop", public_key: PUBLIC_KEY },
    });
    expect(fake.calls[0]!.headers["content-type"]).toContain("application/json");
    expect(key.fingerprint).toMatch(/^SHA256:/);
  });

  it.each([
    [{ public_key: PUBLIC_KEY }, "name"],
    [{ name: "laptop", public_key: " " }, "public_key"],
  ])("refuses %j before sending (%s)", async (args, field) => {
    const { fake, client } = setup({ body: sshKeyBody() });
    const error = await createSshKey(client, args as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });

  it("surfaces the API's 409 as ConflictError in the safe twin", async () => {
    const { client } = setup({ status: 409, body: { detail: "duplicate fingerprint" } });
    const result = await safeCreateSshKey(client, { name: "a", public_key: PUBLIC_KEY });
    expect(result.error).toBeInstanceOf(ConflictError);
  });
});
