// POST /user/ssh-keys/github-profile and /github-sync: SSH keys imported from a
// GitHub account (the mock answers from its own table of GitHub users).
import type { Hono, MiddlewareHandler } from "hono";
import { readStringFields } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { httpError, userKeys } from "./keys";
import {
  type MockSshKey,
  newSshKeyId,
  parsePublicKey,
  type SshKeySource,
  type SshKeyState,
  sshFingerprint,
  sshKeyState,
} from "./store";

interface ImportResult {
  added: MockSshKey[];
  skipped: number;
  errors: string[];
}

/** Adds the GitHub keys the user does not have yet (by fingerprint). */
async function importGithubKeys(
  keys: SshKeyState,
  userId: number,
  githubUsername: string,
  source: SshKeySource,
  now: string,
): Promise<ImportResult> {
  const result: ImportResult = { added: [], skipped: 0, errors: [] };
  for (const githubKey of keys.github.get(githubUsername) ?? []) {
    const parsed = parsePublicKey(githubKey.key);
    if (typeof parsed === "string") {
      result.errors.push(`${githubKey.title}: ${parsed}`);
      continue;
    }
    const fingerprint = await sshFingerprint(parsed.blob);
    if (userKeys(keys, userId).some((key) => key.fingerprint === fingerprint)) {
      result.skipped += 1;
      continue;
    }
    const key: MockSshKey = {
      id: newSshKeyId(keys, userId),
      userId,
      name: githubKey.title,
      publicKey: githubKey.key.trim(),
      fingerprint,
      keyType: parsed.keyType,
      source,
      githubUsername,
      lastSyncedAt: source === "github_sync" ? now : null,
      createdAt: now,
      updatedAt: now,
    };
    keys.keys.push(key);
    result.added.push(key);
  }
  return result;
}

export function registerGithubKeyRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/user/ssh-keys/github-profile", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const { github_username: raw } = await readStringFields(c.req, ["github_username"] as const);
    const githubUsername = raw.trim();
    const keys = sshKeyState(state);
    const known = [...keys.github.keys()].find(
      (name) => name.toLowerCase() === githubUsername.toLowerCase(),
    );
    if (!known) throw httpError(404, `GitHub user '${githubUsername}' not found`);
    const result = await importGithubKeys(
      keys,
      caller.user.id,
      known,
      "github_profile",
      now.toISOString(),
    );
    return c.json(
      {
        github_username: known,
        keys_added: result.added.length,
        keys_skipped: result.skipped,
        errors: result.errors,
      },
      200,
    );
  });

  api.post("/user/ssh-keys/github-sync", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const keys = sshKeyState(state);
    const linked = keys.linkedGithub.get(caller.user.id);
    if (!linked) {
      throw httpError(400, "No GitHub account is linked to this user; link one first");
    }
    const timestamp = now.toISOString();
    const onGithub = keys.github.get(linked) ?? [];
    const fingerprints = new Map<string, string>();
    for (const githubKey of onGithub) {
      const parsed = parsePublicKey(githubKey.key);
      if (typeof parsed !== "string") {
        fingerprints.set(await sshFingerprint(parsed.blob), githubKey.title);
      }
    }
    let updated = 0;
    let removed = 0;
    for (const key of userKeys(keys, caller.user.id)) {
      if (key.source !== "github_sync") continue;
      const title = fingerprints.get(key.fingerprint);
      if (title === undefined) {
        keys.keys.splice(keys.keys.indexOf(key), 1);
        removed += 1;
      } else {
        if (key.name !== title) {
          key.name = title;
          updated += 1;
        }
        key.lastSyncedAt = timestamp;
        key.updatedAt = timestamp;
      }
    }
    const result = await importGithubKeys(keys, caller.user.id, linked, "github_sync", timestamp);
    return c.json(
      {
        synced_count: onGithub.length,
        keys_added: result.added.length,
        keys_updated: updated,
        keys_removed: removed,
        errors: result.errors,
      },
      200,
    );
  });
}
