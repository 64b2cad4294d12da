import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import {
  importGithubProfileSshKeys,
  safeImportGithubProfileSshKeys,
} from "./import-github-profile-ssh-keys";
import { setup } from "./ssh-keys.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("importGithubProfileSshKeys", () => {
  const imported = { github_username: "octocat", keys_added: 2, keys_skipped: 1 };

  it("POSTs the GitHub user name; errors stays absent when not sent", async () => {
    const { fake, client } = setup({ body: imported });
    const result = await importGithubProfileSshKeys(client, { github_username: " octocat " });
    expect(fake.calls[0]).toMatchObject({
      method: "POST",
      url: `${TEST_BASE_URL}/user/ssh-keys/github-profile`,
      body: { github_username: "octocat" },
    });
    expect(result).toEqual(imported);
  });

  it.each(["-octocat", "octo--cat", "a".repeat(40), "octo cat"])(
    "refuses the GitHub user name %j",
    async (name) => {
      const { fake, client } = setup({ body: imported });
      const result = await safeImportGithubProfileSshKeys(client, { github_username: name });
      expect((result.error as RequestValidationError).issues[0]!.path).toBe("github_username");
      expect(fake.calls).toHaveLength(0);
    },
  );
});
