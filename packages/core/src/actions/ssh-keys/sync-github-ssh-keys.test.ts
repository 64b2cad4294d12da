import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { setup } from "./ssh-keys.test-support";
import { safeSyncGithubSshKeys, syncGithubSshKeys } from "./sync-github-ssh-keys";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("syncGithubSshKeys", () => {
  it("POSTs /user/ssh-keys/github-sync with no body", async () => {
    const body = { synced_count: 2, keys_added: 1, keys_updated: 0, keys_removed: 1, errors: [] };
    const { fake, client } = setup({ body });
    await expect(syncGithubSshKeys(client)).resolves.toEqual(body);
    expect(fake.calls[0]).toMatchObject({
      method: "POST",
      url: `${TEST_BASE_URL}/user/ssh-keys/github-sync`,
      body: undefined,
    });
  });

  it("reports a missing count as a validation failure", async () => {
    const { client } = setup({ body: { synced_count: 2 } });
    const result = await safeSyncGithubSshKeys(client);
    expect(result.error).toBeInstanceOf(ResponseValidationError);
  });
});
