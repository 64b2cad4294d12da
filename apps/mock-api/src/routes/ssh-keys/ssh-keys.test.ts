import { ListSshKeysResponseSchema } from "@phala/cloud-schemas";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";
import { fakeEd25519Key, sshKeyState } from "./store";

const NOW = new Date("2026-03-05T10:00:00.000Z");
let api: RunningMockApi;

beforeEach(async () => {
  api = await startMockApi({ now: () => NOW });
});
afterEach(() => api.close());

async function send(
  method: string,
  path: string,
  body?: unknown,
  apiKey: string = SEED.apiKeys.demo,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { "X-API-Key": apiKey, "Content-Type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const LAPTOP_KEY = fakeEd25519Key("test:laptop", "me@laptop");

describe("POST /user/ssh-keys", () => {
  it("creates a key with its SHA256 fingerprint and lists it", async () => {
    const created = await send("POST", "/user/ssh-keys", {
      name: "laptop",
      public_key: LAPTOP_KEY,
    });
    expect(created.status).toBe(201);
    expect(contractMismatches("POST /user/ssh-keys", created.body, { status: 201 })).toEqual([]);
    expect(created.body).toMatchObject({
      name: "laptop",
      public_key: LAPTOP_KEY,
      key_type: "ssh-ed25519",
      source: "manual",
      created_at: NOW.toISOString(),
    });
    expect(created.body.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);

    const listed = await getJson(api.url, "/user/ssh-keys", { apiKey: SEED.apiKeys.demo });
    expect(listed.status).toBe(200);
    expect(ListSshKeysResponseSchema.safeParse(listed.body).success).toBe(true);
    expect(listed.body.map((key: { id: string }) => key.id)).toEqual([created.body.id]);
  });

  it("keeps each user's keys apart", async () => {
    await send("POST", "/user/ssh-keys", { name: "laptop", public_key: LAPTOP_KEY });
    const bob = await getJson(api.url, "/user/ssh-keys", { apiKey: SEED.apiKeys.member });
    expect(bob.body).toEqual([]);
  });

  it("answers 409 for a key the user already has, whatever its comment", async () => {
    await send("POST", "/user/ssh-keys", { name: "laptop", public_key: LAPTOP_KEY });
    const again = await send("POST", "/user/ssh-keys", {
      name: "same key",
      public_key: `${LAPTOP_KEY.split(" ").slice(0, 2).join(" ")} other-comment`,
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain("SHA256:");
  });

  it.each([
    ["an unknown type", "ssh-foo AAAA"],
    ["no key data", "ssh-ed25519"],
    ["bad base64", "ssh-ed25519 ###"],
    ["a mismatched blob", `ssh-rsa ${LAPTOP_KEY.split(" ")[1]}`],
  ])("answers 422 on public_key for %s", async (_label, publicKey) => {
    const response = await send("POST", "/user/ssh-keys", { name: "k", public_key: publicKey });
    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual([
      expect.objectContaining({
        type: "value_error",
        loc: ["body", "public_key"],
        input: publicKey,
      }),
    ]);
  });

  it("answers 422 for each missing, mistyped or empty field", async () => {
    const response = await send("POST", "/user/ssh-keys", { name: "" });
    expect(response.status).toBe(422);
    expect(response.body.detail.map((issue: any) => [issue.type, issue.loc])).toEqual([
      ["string_too_short", ["body", "name"]],
      ["missing", ["body", "public_key"]],
    ]);
    const typed = await send("POST", "/user/ssh-keys", { name: 3, public_key: LAPTOP_KEY });
    expect(typed.body.detail[0]).toMatchObject({ type: "string_type", loc: ["body", "name"] });
  });

  it("answers 422 for a body that is not a JSON object", async () => {
    expect((await send("POST", "/user/ssh-keys", "{oops")).body.detail[0].type).toBe(
      "json_invalid",
    );
    expect((await send("POST", "/user/ssh-keys", [1])).body.detail[0]).toMatchObject({
      type: "model_attributes_type",
      loc: ["body"],
    });
  });

  it("answers 401 without an API key", async () => {
    const response = await fetch(`${api.url}/user/ssh-keys`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
  });
});

describe("DELETE /user/ssh-keys/{key_id}", () => {
  it("deletes with 204 and no body, then 404s", async () => {
    const created = await send("POST", "/user/ssh-keys", {
      name: "laptop",
      public_key: LAPTOP_KEY,
    });
    const deleted = await fetch(`${api.url}/user/ssh-keys/${created.body.id}`, {
      method: "DELETE",
      headers: { "X-API-Key": SEED.apiKeys.demo },
    });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    const again = await send("DELETE", `/user/ssh-keys/${created.body.id}`);
    expect(again).toEqual({ status: 404, body: { detail: "SSH key not found" } });
  });

  it("does not delete another user's key", async () => {
    const created = await send("POST", "/user/ssh-keys", {
      name: "laptop",
      public_key: LAPTOP_KEY,
    });
    const byBob = await send(
      "DELETE",
      `/user/ssh-keys/${created.body.id}`,
      undefined,
      SEED.apiKeys.member,
    );
    expect(byBob.status).toBe(404);
    expect(sshKeyState(api.state).keys).toHaveLength(1);
  });
});

describe("POST /user/ssh-keys/github-profile", () => {
  it("imports the parsable keys, reports the others, and skips known ones next time", async () => {
    const first = await send("POST", "/user/ssh-keys/github-profile", {
      github_username: "OctoCat",
    });
    expect(first.status).toBe(200);
    expect(contractMismatches("POST /user/ssh-keys/github-profile", first.body)).toEqual([]);
    expect(first.body).toMatchObject({
      github_username: "octocat",
      keys_added: 2,
      keys_skipped: 0,
    });
    expect(first.body.errors).toEqual([expect.stringContaining("broken")]);

    const second = await send("POST", "/user/ssh-keys/github-profile", {
      github_username: "octocat",
    });
    expect(second.body).toMatchObject({ keys_added: 0, keys_skipped: 2 });

    const listed = await getJson(api.url, "/user/ssh-keys", { apiKey: SEED.apiKeys.demo });
    expect(listed.body.map((key: any) => [key.name, key.source])).toEqual([
      ["desktop", "github_profile"],
      ["laptop", "github_profile"],
    ]);
    expect(listed.body[0].key_metadata).toEqual({ github_username: "octocat" });
  });

  it("answers 404 for a GitHub user it does not know and 422 without a name", async () => {
    const unknown = await send("POST", "/user/ssh-keys/github-profile", {
      github_username: "nobody-x",
    });
    expect(unknown).toEqual({ status: 404, body: { detail: "GitHub user 'nobody-x' not found" } });
    const missing = await send("POST", "/user/ssh-keys/github-profile", {});
    expect(missing.status).toBe(422);
    expect(missing.body.detail[0]).toMatchObject({
      type: "missing",
      loc: ["body", "github_username"],
    });
  });
});

describe("POST /user/ssh-keys/github-sync", () => {
  it("adds, renames and revokes synced keys to match the linked account", async () => {
    const first = await send("POST", "/user/ssh-keys/github-sync");
    expect(first.status).toBe(200);
    expect(contractMismatches("POST /user/ssh-keys/github-sync", first.body)).toEqual([]);
    expect(first.body).toEqual({
      synced_count: 2,
      keys_added: 2,
      keys_updated: 0,
      keys_removed: 0,
      errors: [],
    });

    // GitHub side changes: one key renamed, one deleted, one added.
    const github = sshKeyState(api.state).github;
    const [work] = github.get("alice-acme")!;
    github.set("alice-acme", [
      { title: "work-renamed", key: work!.key },
      { title: "new", key: fakeEd25519Key("alice-acme:new", "alice@new") },
    ]);
    const second = await send("POST", "/user/ssh-keys/github-sync");
    expect(second.body).toMatchObject({ keys_added: 1, keys_updated: 1, keys_removed: 1 });
    const listed = await getJson(api.url, "/user/ssh-keys", { apiKey: SEED.apiKeys.demo });
    expect(listed.body.map((key: any) => key.name).sort()).toEqual(["new", "work-renamed"]);
    expect(listed.body.every((key: any) => key.last_synced_at === NOW.toISOString())).toBe(true);
  });

  it("answers 400 when no GitHub account is linked", async () => {
    const response = await send(
      "POST",
      "/user/ssh-keys/github-sync",
      undefined,
      SEED.apiKeys.member,
    );
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain("No GitHub account");
  });
});
