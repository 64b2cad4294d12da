import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { listSshKeys, safeListSshKeys } from "./list-ssh-keys";
import { setup, sshKeyBody } from "./ssh-keys.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("listSshKeys", () => {
  it("GETs /user/ssh-keys with the version header and validates the list", async () => {
    const { fake, client } = setup({ body: [{ ...sshKeyBody(), extra: 1 }] });
    const keys = await listSshKeys(client);
    expect(fake.calls[0]).toMatchObject({ method: "GET", url: `${TEST_BASE_URL}/user/ssh-keys` });
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-01-21");
    expect(keys).toEqual([sshKeyBody()]);
  });

  it("fails on a key of the wrong shape", async () => {
    const { client } = setup({ body: [{ ...sshKeyBody(), fingerprint: 7 }] });
    const result = await safeListSshKeys(client);
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(ResponseValidationError);
    expect((result.error as ResponseValidationError).issues[0]!.path).toBe("0.fingerprint");
  });
});
