import { CvmVmSchema } from "@phala/cloud-schemas";
import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { kmsPrivateKeyFor } from "../kms/keys";
import { nextAppIdFor } from "../kms/next-app-id";
import {
  advanceClock,
  afterTransition,
  api,
  expect422,
  expectPhalaError,
  key,
  provisionAndCommit,
  provisionBody,
  send,
  useLifecycleMock,
} from "./lifecycle.test-support";
import { provisionPrivateKeyFor } from "./provision-store";

useLifecycleMock();

describe("POST /cvms (commit)", () => {
  it("creates a starting CVM that runs after the transition time, in lists and reads", async () => {
    const { provision, vm } = await provisionAndCommit();
    expect(CvmVmSchema.safeParse(vm).success).toBe(true);
    expect(contractMismatches("POST /cvms", vm)).toEqual([]);
    expect(vm.status).toBe("starting");
    expect(vm.app_id).toBe(provision.app_id);
    expect(vm.encrypted_env_pubkey).toBe(provision.app_env_encrypt_pubkey);
    expect(vm.id).toBe(0); // 2026-01-21 no longer exposes table ids
    expect(vm.memory).toBe(4096);

    const read = await getJson(api.url, `/cvms/${vm.vm_uuid}`, { apiKey: key });
    expect(read.status).toBe(200);
    expect(read.body.status).toBe("starting");
    expect(read.body.in_progress).toBe(true);
    expect(read.body.name).toBe("my-new-app");

    await afterTransition();
    const later = await getJson(api.url, `/cvms/${vm.vm_uuid}`, { apiKey: key });
    expect(later.body.status).toBe("running");
    expect(later.body.in_progress).toBe(false);
    expect(later.body.instance_id).toMatch(/^[0-9a-f]{40}$/);
    const list = await getJson(api.url, "/cvms/paginated?page_size=100", { apiKey: key });
    const listed = list.body.items.find((item: { vm_uuid: string }) => item.vm_uuid === vm.vm_uuid);
    expect(listed.status).toBe("running");
    const app = await getJson(api.url, `/apps/${provision.app_id}`, { apiKey: key });
    expect(app.status).toBe(200);
    expect(app.body.cvm_count).toBe(1);
  });

  it("numbers the VM by table id and user in 2025-10-28", async () => {
    const provision = await send("POST", "/cvms/provision", provisionBody());
    const commit = await send(
      "POST",
      "/cvms",
      { app_id: provision.body.app_id, compose_hash: provision.body.compose_hash },
      { version: "2025-10-28" },
    );
    expect(commit.status).toBe(200);
    expect(commit.body.id).toBeGreaterThan(4100);
    expect(commit.body.user_id).toBe(SEED.users.alice.id);
  });

  it("is idempotent for the same app id and compose hash", async () => {
    const { provision, vm } = await provisionAndCommit();
    const again = await send("POST", "/cvms", {
      app_id: provision.app_id,
      compose_hash: provision.compose_hash,
    });
    expect(again.status).toBe(200);
    expect(again.body.vm_uuid).toBe(vm.vm_uuid);
    const list = await getJson(api.url, "/cvms/paginated?page_size=100", { apiKey: key });
    expect(
      list.body.items.filter((item: { name: string }) => item.name === "my-new-app"),
    ).toHaveLength(1);
  });

  it("answers 409 ERR-03-007 for another app id or an app id already used", async () => {
    const provision = await send("POST", "/cvms/provision", provisionBody());
    const other = await send("POST", "/cvms", {
      app_id: "ab".repeat(20),
      compose_hash: provision.body.compose_hash,
    });
    expectPhalaError(other, 409, "ERR-03-007");
    // Two provisions for the app id of one nonce: the second commit conflicts.
    const appId = nextAppIdFor(SEED.workspaces.main.id, 3);
    const first = await send(
      "POST",
      "/cvms/provision",
      provisionBody({ name: "first-app", nonce: 3, app_id: appId }),
    );
    const second = await send(
      "POST",
      "/cvms/provision",
      provisionBody({ name: "second-app", nonce: 3, app_id: appId }),
    );
    expect(first.body.app_id).toBe(appId);
    expect(second.body.app_id).toBe(appId);
    const committed = await send("POST", "/cvms", {
      app_id: appId,
      compose_hash: first.body.compose_hash,
    });
    expect(committed.status).toBe(200);
    const conflict = await send("POST", "/cvms", {
      app_id: appId,
      compose_hash: second.body.compose_hash,
    });
    expectPhalaError(conflict, 409, "ERR-03-007");
  });

  it("answers 400 for a nonce whose app id does not match", async () => {
    const sent = await send(
      "POST",
      "/cvms/provision",
      provisionBody({ nonce: 3, app_id: "ab".repeat(20) }),
    );
    expectPhalaError(sent, 400, "ERR-02-008");
  });

  it("uses the KMS module's env key, so GET /kms/{kms}/pubkey/{app_id} agrees", async () => {
    const sent = await send("POST", "/cvms/provision", provisionBody());
    const privateKey = kmsPrivateKeyFor(api.state, sent.body.kms_id, sent.body.app_id);
    expect(privateKey).toBe(provisionPrivateKeyFor(api.state, sent.body.app_id));
  });

  it("answers 404 ERR-01-006 for an unknown or expired provision", async () => {
    expectPhalaError(
      await send("POST", "/cvms", { app_id: "ab".repeat(20), compose_hash: "cd".repeat(32) }),
      404,
      "ERR-01-006",
    );
    const provision = await send("POST", "/cvms/provision", provisionBody());
    advanceClock(61 * 60 * 1000);
    const late = await send("POST", "/cvms", {
      app_id: provision.body.app_id,
      compose_hash: provision.body.compose_hash,
    });
    expectPhalaError(late, 404, "ERR-01-006");
  });

  it("does not let another workspace commit a provision", async () => {
    const provision = await send("POST", "/cvms/provision", provisionBody());
    const foreign = await send(
      "POST",
      "/cvms",
      { app_id: provision.body.app_id, compose_hash: provision.body.compose_hash },
      { apiKey: SEED.apiKeys.otherWorkspace },
    );
    expectPhalaError(foreign, 404, "ERR-01-006");
  });

  it("needs the contract and deployer for an on-chain KMS", async () => {
    const provision = await send("POST", "/cvms/provision", provisionBody({ kms: "ETHEREUM" }));
    const appId = "12".repeat(20);
    const missing = await send("POST", "/cvms", {
      app_id: appId,
      compose_hash: provision.body.compose_hash,
    });
    expect422(missing, ["body", "contract_address"], "missing");
    const done = await send("POST", "/cvms", {
      app_id: `0x${appId}`,
      compose_hash: provision.body.compose_hash,
      contract_address: `0x${appId}`,
      deployer_address: `0x${"34".repeat(20)}`,
    });
    expect(done.status).toBe(200);
    expect(done.body.app_id).toBe(appId);
    // The VM record has no contract field; the CVM shows it.
    const read = await getJson(api.url, `/cvms/app_${appId}`, { apiKey: key });
    expect(read.body.kms_info).toMatchObject({
      dstack_app_address: `0x${appId}`,
      deployer_address: `0x${"34".repeat(20)}`,
    });
  });

  it("answers 422 for missing and malformed fields", async () => {
    const empty = await send("POST", "/cvms", {});
    expect422(empty, ["body", "app_id"], "missing");
    expect422(empty, ["body", "compose_hash"], "missing");
    expect422(
      await send("POST", "/cvms", { app_id: "xyz", compose_hash: "ab" }),
      ["body", "app_id"],
      "value_error",
    );
    expect422(
      await send("POST", "/cvms", {
        app_id: "ab".repeat(20),
        compose_hash: "ab",
        encrypted_env: "zz",
      }),
      ["body", "encrypted_env"],
      "value_error",
    );
  });
});
