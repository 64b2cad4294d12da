// The official reference's SSH keys page (`cloud-js-sdk/ssh-keys.mdx`): list,
// add and remove the user's keys, import a GitHub profile's keys, and sync
// with the linked GitHub account.
import { createHash, generateKeyPairSync } from "node:crypto";
import {
  BadRequestError,
  ConflictError,
  createClient,
  NotFoundError,
  RequestValidationError,
  UnprocessableEntityError,
  type ValidationError,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import { categoriesOf, pathOf, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

const mock = useDocsMock();
// Bob: no linked GitHub account, no key yet. Alice has one linked (sync).
const bob = () => createClient({ apiKey: SEED.apiKeys.member });
const alice = () => createClient({ apiKey: SEED.apiKeys.demo });

/** A fresh ed25519 key in OpenSSH form, and its fingerprint as ssh-keygen prints it. */
function newPublicKey(comment: string) {
  const { publicKey } = generateKeyPairSync("ed25519");
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  const field = (bytes: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const blob = Buffer.concat([field(Buffer.from("ssh-ed25519")), field(raw)]);
  return {
    line: `ssh-ed25519 ${blob.toString("base64")} ${comment}`,
    fingerprint: `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`,
  };
}

describe("createSshKey: POST /user/ssh-keys", () => {
  it("{ name, public_key }: the created key with its fingerprint", async () => {
    const key = newPublicKey("bob@laptop");
    const created = await bob().createSshKey({ name: "bob-laptop", public_key: key.line });
    expect(mock.sent[0]?.method).toBe("POST");
    expect(pathOf(mock.sent[0])).toBe("/user/ssh-keys");
    expect(created.fingerprint).toBe(key.fingerprint);
    expect(created.name).toBe("bob-laptop");
    expect(created.public_key).toBe(key.line);
    expect(created.id).toEqual(expect.any(String));
    expect(Date.parse(created.created_at)).not.toBeNaN();
  });

  it("the same key again: 409 (ConflictError, the docs' BusinessError)", async () => {
    const key = newPublicKey("bob@twice");
    await bob().createSshKey({ name: "twice", public_key: key.line });
    const error = await rejectionOf(bob().createSshKey({ name: "again", public_key: key.line }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError"]);
    expect((error as ConflictError).message).toContain(key.fingerprint);
  });

  // The docs' ValidationErrorItem has `context?`; this SDK's has `location?` and `input?`.
  it("a malformed public key: 422 (UnprocessableEntityError, the docs' ValidationError)", async () => {
    const error = await rejectionOf(
      bob().createSshKey({ name: "broken", public_key: "ssh-ed25519 AAAA-not-a-key" }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(categoriesOf(error)).toEqual(["RequestError", "ValidationError"]);
    const [item] = (error as ValidationError).validationErrors;
    expect(item).toMatchObject({
      field: "public_key",
      type: "value_error",
      location: "body",
      input: "ssh-ed25519 AAAA-not-a-key",
    });
    expect(item?.message).toMatch(/Invalid SSH public key/);
  });

  it("name and public_key are required", async () => {
    const error = await rejectionOf(
      // @ts-expect-error public_key left out
      bob().createSshKey({ name: "no-key" }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });
});

describe("listSshKeys: GET /user/ssh-keys", () => {
  it("an array of the user's keys: id, name, public_key, fingerprint, created_at", async () => {
    const keys = await bob().listSshKeys();
    expect(pathOf(mock.sent[0])).toBe("/user/ssh-keys");
    expect(Array.isArray(keys)).toBe(true);
    expect(keys.map((k) => k.name).sort()).toEqual(["bob-laptop", "twice"]);
    for (const key of keys) {
      expect(key.id).toEqual(expect.any(String));
      expect(key.public_key).toMatch(/^ssh-ed25519 /);
      expect(key.fingerprint).toMatch(/^SHA256:/);
      expect(Date.parse(key.created_at)).not.toBeNaN();
    }
    expectTypeOf(keys[0]!.fingerprint).toEqualTypeOf<string>();
  });

  it("each user sees only their own keys", async () => {
    expect(await createClient({ apiKey: SEED.apiKeys.otherWorkspace }).listSshKeys()).toEqual([]);
  });
});

// Documented: `deleteSshKey({ id })`. The official SDK's code and this SDK
// take `keyId`, the path parameter `key_id`.
describe("deleteSshKey: DELETE /user/ssh-keys/{key_id} (differs: keyId)", () => {
  it("{ keyId }: resolves undefined; the key is gone", async () => {
    const c = bob();
    const [key] = (await c.listSshKeys()).filter((k) => k.name === "twice");
    const result = await c.deleteSshKey({ keyId: key!.id });
    expect(result).toBeUndefined();
    expect(mock.sent[1]?.method).toBe("DELETE");
    expect(pathOf(mock.sent[1])).toBe(`/user/ssh-keys/${key!.id}`);
    expect((await c.listSshKeys()).map((k) => k.name)).toEqual(["bob-laptop"]);
  });

  it("the documented { id } is refused before sending", async () => {
    const error = await rejectionOf(
      // @ts-expect-error the documented argument name
      bob().deleteSshKey({ id: "key_1" }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });

  it("an unknown key: 404 (NotFoundError, BusinessError)", async () => {
    const result = await bob().safeDeleteSshKey({ keyId: "no-such-key" });
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(categoriesOf(result.error)).toEqual(["RequestError", "BusinessError"]);
  });
});

// Documented: `POST /user/ssh-keys/import/github-profile`, read as
// `result.imported`. The API: `POST /user/ssh-keys/github-profile`, answering
// `keys_added`, `keys_skipped` and `errors`.
describe("importGithubProfileSshKeys (differs: keys_added, keys_skipped, errors)", () => {
  it("{ github_username }: imports the profile's keys; unreadable ones are listed in errors", async () => {
    const result = await bob().importGithubProfileSshKeys({ github_username: "octocat" });
    expect(pathOf(mock.sent[0])).toBe("/user/ssh-keys/github-profile");
    expect(result).toMatchObject({ keys_added: 2, keys_skipped: 0 });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatch(/^broken:/);
    // @ts-expect-error the documented `imported` count is `keys_added`
    void result.imported;
    const names = (await bob().listSshKeys()).map((k) => k.name);
    expect(names).toEqual(expect.arrayContaining(["laptop", "desktop"]));
  });

  it("a second import skips the keys already there", async () => {
    const result = await bob().importGithubProfileSshKeys({ github_username: "OctoCat" });
    expect(result).toMatchObject({ keys_added: 0, keys_skipped: 2 });
  });

  it("a user name GitHub could not have is refused before sending; an unknown one is a 404", async () => {
    const error = await rejectionOf(bob().importGithubProfileSshKeys({ github_username: "-bad-" }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
    const missing = await bob().safeImportGithubProfileSshKeys({ github_username: "nobody-here" });
    expect(missing.error).toBeInstanceOf(NotFoundError);
  });
});

// Documented path: `/user/ssh-keys/sync/github`; the API's is `/user/ssh-keys/github-sync`.
describe("syncGithubSshKeys: POST /user/ssh-keys/github-sync", () => {
  it("no parameters: adds the linked account's keys; synced_count, keys_added, keys_updated, keys_removed", async () => {
    const result = await alice().syncGithubSshKeys();
    expect(mock.sent[0]?.method).toBe("POST");
    expect(pathOf(mock.sent[0])).toBe("/user/ssh-keys/github-sync");
    expect(result).toMatchObject({
      synced_count: 2,
      keys_added: 2,
      keys_updated: 0,
      keys_removed: 0,
    });
    const again = await alice().syncGithubSshKeys();
    expect(again.keys_added).toBe(0);
    expect((await alice().listSshKeys()).map((k) => k.name).sort()).toEqual(["work", "yubikey"]);
  });

  it("without a linked GitHub account: 400 (BadRequestError, BusinessError)", async () => {
    const error = await rejectionOf(bob().syncGithubSshKeys());
    expect(error).toBeInstanceOf(BadRequestError);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError"]);
  });
});
