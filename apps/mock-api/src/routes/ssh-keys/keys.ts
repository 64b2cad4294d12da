// GET and POST /user/ssh-keys, DELETE /user/ssh-keys/{key_id}: the caller's SSH keys.
import type { Hono, MiddlewareHandler } from "hono";
import { readStringFields } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { MockApiError, validationError } from "../../internal/errors";
import type { MockUser } from "../../model";
import {
  type MockSshKey,
  newSshKeyId,
  parsePublicKey,
  type SshKeyState,
  sshFingerprint,
  sshKeyState,
} from "./store";

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
export function httpError(status: 400 | 404 | 409, message: string): MockApiError {
  return new MockApiError(status, { detail: message });
}

export function userKeys(keys: SshKeyState, userId: number): MockSshKey[] {
  return keys.keys.filter((key) => key.userId === userId);
}

export function registerSshKeyListRoutes(
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
}
