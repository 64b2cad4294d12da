import { describe, expect, it } from "vitest";
import { createBaseClient } from "../../client";
import { ResponseValidationError } from "../../errors";
import { isComposeHashRegistrationRequired } from "../../registration";
import { APP_HEX, type FakeReply, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import { expectInvalid, setup } from "./apps.test-support";
import { replicateAppCvm, safeReplicateAppCvm } from "./replicate-app-cvm";

/** A client whose fetch answers `reply` (a status and body of its own). */
function answering(reply: FakeReply) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
  });
  return { client, call: () => fake.calls[0]! };
}

const VM_UUID = "bf1b6f57-1470-4531-9ad9-22013366635b";
const HASH = "ab".repeat(32);

const vm = {
  id: 4202,
  name: "redis-0-replica-1",
  status: "starting",
  teepod_id: 9,
  app_id: APP_HEX,
  vm_uuid: null,
  instance_id: null,
  vcpu: 1,
  memory: 2048,
  disk_size: 20,
  created_at: "2026-01-01T00:00:00Z",
  encrypted_env_pubkey: null,
};

describe("replicateAppCvm", () => {
  it("POST /apps/{app_id}/cvms/{vm_uuid}/replicas with the body fields only", async () => {
    const { client, call } = setup(vm);
    const result = await replicateAppCvm(client, {
      appId: `app_${APP_HEX}`,
      vmUuid: VM_UUID,
      node_id: 9,
      compose_hash: HASH,
    });
    expect(call().method).toBe("POST");
    expect(call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/cvms/${VM_UUID}/replicas`);
    expect(call().body).toEqual({ node_id: 9, compose_hash: HASH });
    expect(call().headers["x-prepare-only"]).toBeUndefined();
    expect(result).toMatchObject({ status: "starting", teepod_id: 9 });
  });

  it("prepareOnly is the X-Prepare-Only header, not a body field", async () => {
    const { client, call } = setup(vm);
    await replicateAppCvm(client, { appId: APP_HEX, vmUuid: VM_UUID, prepareOnly: true });
    expect(call().headers["x-prepare-only"]).toBe("true");
    expect(call().body).toEqual({});
  });

  it("refuses a VM UUID that is not one, and unknown fields, before sending", async () => {
    const { client, fake } = setup(vm);
    await expectInvalid(
      replicateAppCvm(client, { appId: APP_HEX, vmUuid: "web-1" }),
      "replicateAppCvm",
      "vmUuid",
    );
    await expectInvalid(
      replicateAppCvm(client, { appId: APP_HEX, vmUuid: VM_UUID, nodeId: 3 } as never),
      "replicateAppCvm",
      "nodeId",
    );
    expect(fake.calls).toHaveLength(0);
  });

  it("an on-chain device the contract does not allow yet: the typed 465 result", async () => {
    const { client } = answering({
      status: 465,
      body: {
        detail: {
          error_code: "ERR-01-005",
          message: "Device registration required on-chain",
          details: [
            { field: "compose_hash", value: HASH, message: null },
            { field: "app_id", value: `0x${APP_HEX}`, message: null },
            { field: "device_id", value: "cd".repeat(32), message: null },
            { field: "commit_token", value: "ct_1", message: null },
          ],
        },
      },
    });
    const result = await replicateAppCvm(client, { appId: APP_HEX, vmUuid: VM_UUID });
    expect(isComposeHashRegistrationRequired(result)).toBe(true);
    expect(result).toMatchObject({
      status: "precondition_required",
      compose_hash: HASH,
      commit_token: "ct_1",
      device_id: "cd".repeat(32),
    });
  });

  it("the VM record's id is the hashid from 2026-05-22", async () => {
    const hashid = setup({ ...vm, id: "cvm_ykL5lbAn" }, "2026-05-22");
    await expect(
      replicateAppCvm(hashid.client, { appId: APP_HEX, vmUuid: VM_UUID }),
    ).resolves.toMatchObject({ id: "cvm_ykL5lbAn" });
    const numeric = setup(vm, "2026-05-22");
    const result = await safeReplicateAppCvm(numeric.client, { appId: APP_HEX, vmUuid: VM_UUID });
    expect(result.error).toBeInstanceOf(ResponseValidationError);
  });
});
