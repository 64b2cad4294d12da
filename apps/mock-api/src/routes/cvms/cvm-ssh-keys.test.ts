import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { SEED } from "../../seed";
import { fakeEd25519Key } from "../ssh-keys/store";
import {
  afterTransition,
  expect422,
  expectInProgress,
  running,
  send,
  stopped,
  useLifecycleMock,
} from "./lifecycle.test-support";

useLifecycleMock();

const keysOf = (id: string) => `/cvms/${id}/ssh-keys`;

async function createKey(name: string, apiKey: string = SEED.apiKeys.demo) {
  const created = await send(
    "POST",
    "/user/ssh-keys",
    { name, public_key: fakeEd25519Key(`cvm-keys:${name}`, `${name}@test`) },
    { apiKey },
  );
  expect(created.status).toBe(201);
  return created.body as { id: string; fingerprint: string };
}

describe("GET /cvms/{id}/ssh-keys", () => {
  it("answers no keys at first", async () => {
    const read = await send("GET", keysOf(running.id));
    expect(read.status).toBe(200);
    expect(contractMismatches("GET /cvms/{cvm_id}/ssh-keys", read.body)).toEqual([]);
    expect(read.body).toEqual({ keys: [], restart_required: false });
  });
});

describe("PUT /cvms/{id}/ssh-keys", () => {
  it("sets the keys, reads them back, and a running CVM needs a restart for them", async () => {
    const laptop = await createKey("laptop");
    const put = await send("PUT", keysOf(running.id), { ssh_key_ids: [laptop.id] });
    expect(put.status).toBe(200);
    expect(contractMismatches("PUT /cvms/{cvm_id}/ssh-keys", put.body)).toEqual([]);
    expect(put.body.restart_required).toBe(true);
    expect(put.body.keys).toEqual([
      expect.objectContaining({
        id: laptop.id,
        owner_username: "alice",
        name: "laptop",
        fingerprint: laptop.fingerprint,
        key_type: "ssh-ed25519",
      }),
    ]);
    expect(put.body.keys[0].owner_user_id).toMatch(/^usr_/);
    expect(put.body.keys[0].added_by_user_id).toBe(put.body.keys[0].owner_user_id);
    expect((await send("GET", keysOf(running.id))).body).toEqual(put.body);
  });

  it("apply_now restarts the CVM, after which the keys are applied", async () => {
    const laptop = await createKey("laptop");
    const put = await send("PUT", keysOf(running.id), {
      ssh_key_ids: [laptop.id],
      apply_now: true,
    });
    expect(put.status).toBe(200);
    expect((await send("GET", `/cvms/${running.id}`)).body.status).toBe("restarting");
    expectInProgress(await send("PUT", keysOf(running.id), { ssh_key_ids: [], apply_now: true }));
    await afterTransition();
    const read = await send("GET", keysOf(running.id));
    expect(read.body.restart_required).toBe(false);
    expect(read.body.keys.map((key: any) => key.id)).toEqual([laptop.id]);
  });

  it("a stopped CVM takes the keys at its next start: no restart required", async () => {
    const laptop = await createKey("laptop");
    const put = await send("PUT", keysOf(stopped.id), {
      ssh_key_ids: [laptop.id],
      apply_now: true,
    });
    expect(put.body.restart_required).toBe(false);
    expect((await send("GET", `/cvms/${stopped.id}`)).body.status).toBe("stopped");
  });

  it("adds a member's keys by user name, and records who added them", async () => {
    const bobs = await createKey("bob-laptop", SEED.apiKeys.member);
    const put = await send("PUT", keysOf(running.id), { ssh_key_ids: [], usernames: ["bob"] });
    expect(put.status).toBe(200);
    expect(put.body.keys).toHaveLength(1);
    expect(put.body.keys[0]).toMatchObject({ id: bobs.id, owner_username: "bob" });
    expect(put.body.keys[0].added_by_user_id).not.toBe(put.body.keys[0].owner_user_id);
  });

  it("drops a key its owner deleted", async () => {
    const laptop = await createKey("laptop");
    await send("PUT", keysOf(running.id), { ssh_key_ids: [laptop.id] });
    expect((await send("DELETE", `/user/ssh-keys/${laptop.id}`)).status).toBe(204);
    expect((await send("GET", keysOf(running.id))).body.keys).toEqual([]);
  });

  it("answers 404 for a key outside the workspace, 400 for a non-member, 422 for bad types", async () => {
    const carols = await createKey("carol-laptop", SEED.apiKeys.otherWorkspace);
    expect((await send("PUT", keysOf(running.id), { ssh_key_ids: [carols.id] })).status).toBe(404);
    expect((await send("PUT", keysOf(running.id), { ssh_key_ids: ["sshkey_nope"] })).status).toBe(
      404,
    );
    const stranger = await send("PUT", keysOf(running.id), {
      ssh_key_ids: [],
      usernames: ["carol"],
    });
    expect(stranger.status).toBe(400);
    expect422(await send("PUT", keysOf(running.id), {}), ["body", "ssh_key_ids"], "missing");
    expect422(
      await send("PUT", keysOf(running.id), { ssh_key_ids: "x" }),
      ["body", "ssh_key_ids"],
      "list_type",
    );
    expect422(
      await send("PUT", keysOf(running.id), { ssh_key_ids: [], apply_now: "now" }),
      ["body", "apply_now"],
      "bool_type",
    );
    expect((await send("GET", keysOf(running.id))).body.keys).toEqual([]);
  });
});
