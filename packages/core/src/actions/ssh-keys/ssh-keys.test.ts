import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { ConflictError, RequestValidationError, ResponseValidationError } from "../../errors";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import {
  createSshKey,
  deleteSshKey,
  importGithubProfileSshKeys,
  listSshKeys,
  safeCreateSshKey,
  safeDeleteSshKey,
  safeImportGithubProfileSshKeys,
  safeListSshKeys,
  safeSyncGithubSshKeys,
  syncGithubSshKeys,
} from "./index";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const PUBLIC_KEY =
  "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@laptop";

function sshKeyBody() {
  return {
    id: "sshkey_1a2b",
    user_id: "u_9f",
    name: "laptop",
    public_key: PUBLIC_KEY,
    fingerprint: "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",
    key_type: "ssh-ed25519",
    source: "manual",
    key_metadata: null,
    last_synced_at: null,
    created_at: "2026-03-05T10:00:00Z",
    updated_at: "2026-03-05T10:00:00Z",
  };
}

function setup(reply: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
  });
  return { fake, client };
}

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
