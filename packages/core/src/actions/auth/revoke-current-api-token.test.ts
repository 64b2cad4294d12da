import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuthenticationError, RequestValidationError } from "../../errors";
import { TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import { setup } from "../cvms/cvms.test-support";
import { revokeCurrentApiToken, safeRevokeCurrentApiToken } from "./revoke-current-api-token";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("revokeCurrentApiToken", () => {
  it("sends DELETE /tokens/self with the client's key and resolves undefined on 204", async () => {
    const { fake, client } = setup({ status: 204, raw: null });
    await expect(revokeCurrentApiToken(client)).resolves.toBeUndefined();
    expect(fake.calls).toHaveLength(1);
    const sent = fake.calls[0]!;
    expect(sent.method).toBe("DELETE");
    expect(sent.url).toBe(`${TEST_BASE_URL}/tokens/self`);
    expect(sent.headers["x-api-key"]).toBe(TEST_API_KEY);
    expect(sent.body).toBeUndefined();
  });

  it("takes options in the arguments' place, and nothing else", async () => {
    const { fake, client } = setup({ status: 204, raw: null });
    await revokeCurrentApiToken(client, { version: "2025-10-28" });
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2025-10-28");
    const error = await revokeCurrentApiToken(client, { tokenId: "tok_1" } as never).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(fake.calls).toHaveLength(1);
  });

  it("a key already revoked is an AuthenticationError; the safe twin resolves it", async () => {
    const body = { detail: { message: "Invalid or missing API key", details: [] } };
    const error = await revokeCurrentApiToken(setup({ status: 401, body }).client).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    const failed = await safeRevokeCurrentApiToken(setup({ status: 401, body }).client);
    expect(failed.success).toBe(false);
    const ok = await safeRevokeCurrentApiToken(setup({ status: 204, raw: null }).client);
    expect(ok).toEqual({ success: true, data: undefined });
  });
});
