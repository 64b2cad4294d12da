// GET and PUT /cvms/{cvm_id}/ssh-keys: the user SSH keys (routes/ssh-keys) a CVM
// authorizes. The stored set reaches the VM when it boots; until a running VM
// reboots, `restart_required` says it still has the set it booted with.
import type { Context, Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { MockApiError } from "../../internal/errors";
import { getUser, type MockCvm, type MockState, resourceState } from "../../model";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { sshKeyState } from "../ssh-keys/store";
import { restartDue, restartToApply } from "./network-store";
import { cvmOf } from "./shared";
import { currentCvmStatus } from "./status-machine";

interface CvmKeySet {
  keyIds: string[];
  /** Key id -> the user who added it to this CVM. */
  addedBy: Map<string, number>;
  /** The set the running VM booted with, and that boot (its `startedAt`). */
  booted: { startedAt: string | null; keyIds: string[] };
}

function keySetOf(state: MockState, cvm: MockCvm): CvmKeySet {
  const sets = resourceState(state, "cvm-ssh-keys", () => new Map<string, CvmKeySet>());
  let set = sets.get(cvm.id);
  if (!set) {
    set = { keyIds: [], addedBy: new Map(), booted: { startedAt: cvm.startedAt, keyIds: [] } };
    sets.set(cvm.id, set);
  }
  // A boot since the last look took the stored set.
  if (cvm.startedAt !== set.booted.startedAt) {
    set.booted = { startedAt: cvm.startedAt, keyIds: [...set.keyIds] };
  }
  return set;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

function renderKeySet(c: Context<MockEnv>, cvm: MockCvm): WireBody<"getCvmSshKeys", RenderVersion> {
  const { state } = c.get("render");
  const set = keySetOf(state, cvm);
  const all = sshKeyState(state).keys;
  // A key its owner deleted is no longer authorized anywhere.
  const keys = set.keyIds.flatMap((id) => {
    const key = all.find((candidate) => candidate.id === id);
    return key ? [key] : [];
  });
  const live = keys.map((key) => key.id);
  return {
    keys: keys.map((key) => {
      const owner = getUser(state, key.userId);
      return {
        id: key.id,
        owner_user_id: owner.hashedId,
        owner_username: owner.username,
        added_by_user_id: getUser(state, set.addedBy.get(key.id) ?? key.userId).hashedId,
        name: key.name,
        public_key: key.publicKey,
        fingerprint: key.fingerprint,
        key_type: key.keyType,
      };
    }),
    restart_required:
      currentCvmStatus(state, cvm) === "running" &&
      !sameSet(
        set.booted.keyIds.filter((id) => live.includes(id)),
        live,
      ),
  };
}

export function registerCvmSshKeyRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/cvms/:cvm_id/ssh-keys", requireApiKey, (c) => c.json(renderKeySet(c, cvmOf(c))));

  api.put("/cvms/:cvm_id/ssh-keys", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const ids = body.strings("ssh_key_ids", true);
    const usernames = body.strings("usernames") ?? [];
    const applyNow = body.bool("apply_now") ?? false;
    body.assertValid();
    const cvm = cvmOf(c);
    // Keys of the workspace's members only; another workspace's key is as absent as a missing one.
    const members = caller.workspace.members.map((member) => getUser(state, member.userId));
    const memberIds = new Set(members.map((user) => user.id));
    const keys = sshKeyState(state).keys.filter((key) => memberIds.has(key.userId));
    const chosen: string[] = [];
    for (const id of ids ?? []) {
      if (!keys.some((key) => key.id === id)) {
        throw new MockApiError(404, { detail: `SSH key ${id} not found` });
      }
      if (!chosen.includes(id)) chosen.push(id);
    }
    for (const name of usernames) {
      const member = members.find((user) => user.username === name);
      if (!member) {
        throw new MockApiError(400, { detail: `User '${name}' is not a member of this workspace` });
      }
      for (const key of keys) {
        if (key.userId === member.id && !chosen.includes(key.id)) chosen.push(key.id);
      }
    }
    const due = applyNow && restartDue(state, cvm);
    const set = keySetOf(state, cvm);
    for (const id of chosen) if (!set.keyIds.includes(id)) set.addedBy.set(id, caller.user.id);
    set.keyIds = chosen;
    if (due) restartToApply(state, cvm, now);
    cvm.updatedAt = now.toISOString();
    const answer: WireBody<"updateCvmSshKeys", RenderVersion> = renderKeySet(c, cvm);
    return c.json(answer);
  });
}
