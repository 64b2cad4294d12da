import type { Hono, MiddlewareHandler } from "hono";
import { readStringFields } from "../body";
import type { MockEnv } from "../env";
import { MockApiError, validationError } from "../errors";
import type { MockUser } from "../model";
import {
  type MockSshKey,
  newSshKeyId,
  parsePublicKey,
  type SshKeySource,
  type SshKeyState,
  sshFingerprint,
  sshKeyState,
} from "../resources/ssh-keys";

function renderSshKey(key: MockSshKey, user: MockUser) {
  return {
    id: key.id,
    user_id: user.hashedId,
    name: key.name,
    public_key: key.publicKey,
    fingerprint: key.fingerprint,
    key_type: key.keyType,
    source: key.source,
    key_metadata: key.githubUsername ? { github_username: key.githubUsername } : null,
    last_synced_at: key.lastSyncedAt,
    created_at: key.createdAt,
    updated_at: key.updatedAt,
  };
}

/** FastAPI's plain `HTTPException` body, which these routes use for their errors. */
function httpError(status: 400 | 404 | 409, message: string): MockApiError {
  return new MockApiError(status, { detail: message });
}

function userKeys(keys: SshKeyState, userId: number): MockSshKey[] {
  return keys.keys.filter((key) => key.userId === userId);
}

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

export function registerSshKeyRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/user/ssh-keys", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    // Keys are stored in creation order; the API lists newest first.
    const keys = userKeys(sshKeyState(state), caller.user.id).reverse();
    return c.json(
      keys.map((key) => renderSshKey(key, caller.user)),
      200,
    );
  });

  api.post("/user/ssh-keys", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = await readStringFields(c.req, ["name", "public_key"] as const);
    const parsed = parsePublicKey(body.public_key);
    if (typeof parsed === "string") {
      throw validationError([
        {
          type: "value_error",
          loc: ["body", "public_key"],
          msg: `Value error, Invalid SSH public key: ${parsed}`,
          input: body.public_key,
          ctx: { error: parsed },
        },
      ]);
    }
    const keys = sshKeyState(state);
    const fingerprint = await sshFingerprint(parsed.blob);
    if (userKeys(keys, caller.user.id).some((key) => key.fingerprint === fingerprint)) {
      throw httpError(409, `An SSH key with fingerprint ${fingerprint} already exists`);
    }
    const timestamp = now.toISOString();
    const key: MockSshKey = {
      id: newSshKeyId(keys, caller.user.id),
      userId: caller.user.id,
      name: body.name.trim(),
      publicKey: body.public_key.trim(),
      fingerprint,
      keyType: parsed.keyType,
      source: "manual",
      githubUsername: null,
      lastSyncedAt: null,
      createdAt: timestamp,
      updatedAt: timestamp,
    };
    keys.keys.push(key);
    return c.json(renderSshKey(key, caller.user), 201);
  });

  api.delete("/user/ssh-keys/:key_id", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    const keys = sshKeyState(state);
    const id = c.req.param("key_id");
    // Another user's key is as absent as a missing one: ids are not disclosed.
    const index = keys.keys.findIndex((key) => key.id === id && key.userId === caller.user.id);
    if (index < 0) throw httpError(404, "SSH key not found");
    keys.keys.splice(index, 1);
    return c.body(null, 204);
  });

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
