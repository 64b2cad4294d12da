import type {
  ImportGithubProfileResponse,
  SshKey,
  SyncGithubSshKeysResponse,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import {
  createSshKey,
  deleteSshKey,
  importGithubProfileSshKeys,
  listSshKeys,
  safeListSshKeys,
  syncGithubSshKeys,
} from "./index";

const client = createBaseClient({ apiKey: "k" });
const legacy = createBaseClient({ apiKey: "k", version: "2025-10-28" });

describe("SSH key action types", () => {
  it("type each result, the same in both versions", () => {
    expectTypeOf(listSshKeys(client)).resolves.toEqualTypeOf<SshKey[]>();
    expectTypeOf(listSshKeys(legacy)).resolves.toEqualTypeOf<SshKey[]>();
    expectTypeOf(
      createSshKey(client, { name: "a", public_key: "b" }),
    ).resolves.toEqualTypeOf<SshKey>();
    expectTypeOf(deleteSshKey(client, { keyId: "k" })).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(
      importGithubProfileSshKeys(client, { github_username: "octocat" }),
    ).resolves.toEqualTypeOf<ImportGithubProfileResponse>();
    expectTypeOf(syncGithubSshKeys(client)).resolves.toEqualTypeOf<SyncGithubSshKeysResponse>();
    expectTypeOf(safeListSshKeys(client)).resolves.toEqualTypeOf<SafeResult<SshKey[]>>();
    expectTypeOf(listSshKeys(client, {}, { schema: false })).resolves.toEqualTypeOf<unknown>();
  });

  it("require the arguments", () => {
    // @ts-expect-error public_key is required
    createSshKey(client, { name: "a" });
    // @ts-expect-error keyId is required
    deleteSshKey(client, {});
  });
});
