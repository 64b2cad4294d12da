import { describe, expect, it } from "vitest";
import { createBaseClient } from "../../client";
import { ConflictError, ResponseValidationError } from "../../errors";
import { isComposeHashRegistrationRequired } from "../../registration";
import {
  APP_HEX,
  type FakeReply,
  fakeFetch,
  type Responder,
  TEST_API_KEY,
  TEST_BASE_URL,
} from "../../test-utils";
import { setup } from "./apps.test-support";
import { createAppInstance, safeCreateAppInstance } from "./create-app-instance";

describe("createAppInstance", () => {
  it("POST /apps/{id}/instances with the body fields only", async () => {
    const vm = {
      id: 4200,
      name: "redis-0",
      status: "starting",
      teepod_id: 5,
      app_id: APP_HEX,
      vm_uuid: null,
      instance_id: null,
      vcpu: 1,
      memory: 2048,
      disk_size: 20,
      created_at: "2026-01-01T00:00:00Z",
      encrypted_env_pubkey: null,
    };
    const { client, call } = setup(vm);
    const result = await createAppInstance(client, { appId: APP_HEX, teepod_id: 3, node_id: 5 });
    expect(call().method).toBe("POST");
    expect(call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/instances`);
    expect(call().body).toEqual({ teepod_id: 3, node_id: 5 });
    expect(call().headers["content-type"]).toBe("application/json");
    expect(result.status).toBe("starting");
  });

  it("names the wrong argument and sends nothing", async () => {
    const { client, fake } = setup({});
    await expect(
      createAppInstance(client, { appId: APP_HEX, node_id: "5" as never }),
    ).rejects.toMatchObject({
      issues: [{ path: "node_id" }],
    });
    await expect(
      createAppInstance(client, { appId: APP_HEX, nodeId: 5 } as never),
    ).rejects.toMatchObject({
      issues: [{ path: "nodeId" }],
    });
    // CreateAppInstanceRequest has no name: the API names the new CVM.
    await expect(
      createAppInstance(client, { appId: APP_HEX, name: "redis-0" } as never),
    ).rejects.toMatchObject({
      issues: [{ path: "name" }],
    });
    expect(fake.calls).toHaveLength(0);
  });

  it("the VM record's id is the hashid on 2026-05-22", async () => {
    const vm = {
      id: "cvm_ykL5lbAn",
      name: "redis-1",
      status: "starting",
      teepod_id: 5,
      app_id: APP_HEX,
      vm_uuid: null,
      instance_id: null,
      vcpu: 1,
      memory: 2048,
      disk_size: 20,
      created_at: "2026-05-23T10:00:00Z",
      encrypted_env_pubkey: null,
    };
    const hashid = setup(vm, "2026-05-22");
    const created = await createAppInstance(hashid.client, { appId: APP_HEX });
    expect(created).toMatchObject({ id: "cvm_ykL5lbAn" });
    const numeric = setup({ ...vm, id: 0 }, "2026-05-22");
    await expect(createAppInstance(numeric.client, { appId: APP_HEX })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });
});

describe("createAppInstance: an on-chain KMS app whose compose hash is not registered (465)", () => {
  const HASH = "ab".repeat(32);
  const TX = `0x${"cd".repeat(32)}`;
  const KMS_INFO = {
    id: "kms-base-prod",
    slug: "base-prod",
    url: "https://kms-base.example",
    version: "v0.5.3",
    chain_id: 8453,
    kms_contract_address: "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
    gateway_app_id: "0x1234",
    k256_pubkey: null,
  };
  const instance = {
    id: 4201,
    name: "redis-1",
    status: "starting",
    teepod_id: 5,
    app_id: APP_HEX,
    vm_uuid: null,
    instance_id: null,
    vcpu: 1,
    memory: 2048,
    disk_size: 20,
    created_at: "2026-01-01T00:00:00Z",
    encrypted_env_pubkey: null,
  };
  /** The API's structured error under FastAPI's `detail`. */
  const registrationBody = {
    detail: {
      error_code: "ERR-01-005",
      message: "Compose hash registration required on-chain",
      details: [
        { field: "compose_hash", value: HASH, message: null },
        { field: "app_id", value: `0x${APP_HEX}`, message: null },
        { field: "device_id", value: "ef".repeat(32), message: null },
        { field: "kms_info", value: KMS_INFO, message: null },
        { field: "commit_token", value: "ct_9", message: null },
      ],
      suggestions: ["Register the compose hash on-chain"],
      links: [],
    },
  };
  const expected = {
    status: "precondition_required",
    message: "Compose hash registration required on-chain",
    error_code: "ERR-01-005",
    compose_hash: HASH,
    app_id: `0x${APP_HEX}`,
    device_id: "ef".repeat(32),
    kms_info: KMS_INFO,
    commit_token: "ct_9",
    commit_url: null,
    api_commit_url: null,
    onchain_status: null,
  };

  function answering(reply: FakeReply | Responder) {
    const fake = fakeFetch(reply);
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    return { fake, client };
  }

  it("resolves the 465 as precondition_required, not an error", async () => {
    const { fake, client } = answering({ status: 465, body: registrationBody });
    const result = await createAppInstance(client, { appId: APP_HEX, node_id: 5 });
    expect(result).toEqual(expected);
    expect(isComposeHashRegistrationRequired(result)).toBe(true);
    expect(fake.calls[0]!.body).toEqual({ node_id: 5 });
    expect(await safeCreateAppInstance(client, { appId: APP_HEX })).toEqual({
      success: true,
      data: expected,
    });
  });

  it("registers, then calls again with compose_hash, token and transaction_hash", async () => {
    const { fake, client } = answering((_call, index) =>
      index === 0 ? { status: 465, body: registrationBody } : { status: 201, body: instance },
    );
    const first = await createAppInstance(client, { appId: APP_HEX, node_id: 5 });
    if (!isComposeHashRegistrationRequired(first)) throw new Error("expected the 465 result");
    const second = await createAppInstance(client, {
      appId: APP_HEX,
      node_id: 5,
      compose_hash: first.compose_hash,
      token: first.commit_token ?? undefined,
      transaction_hash: TX,
    });
    expect(fake.calls[1]!.url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/instances`);
    expect(fake.calls[1]!.body).toEqual({
      node_id: 5,
      compose_hash: HASH,
      token: "ct_9",
      transaction_hash: TX,
    });
    expect(isComposeHashRegistrationRequired(second)).toBe(false);
    expect(second).toMatchObject(instance);
  });

  it("a 465 without a compose hash is a validation error; other statuses still throw", async () => {
    const bare = answering({ status: 465, body: { detail: { message: "?" } } });
    await expect(createAppInstance(bare.client, { appId: APP_HEX })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    const conflict = answering({
      status: 409,
      body: { detail: { error_code: "ERR-03-007", message: "x" } },
    });
    await expect(createAppInstance(conflict.client, { appId: APP_HEX })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await safeCreateAppInstance(conflict.client, { appId: APP_HEX })).success).toBe(false);
  });

  it("the guard tells a VM record from the 465 answer", () => {
    expect(isComposeHashRegistrationRequired(instance)).toBe(false);
    expect(
      isComposeHashRegistrationRequired({ ...instance, status: "precondition_required" }),
    ).toBe(false);
    expect(isComposeHashRegistrationRequired(expected)).toBe(true);
    expect(isComposeHashRegistrationRequired(null)).toBe(false);
    expect(isComposeHashRegistrationRequired([expected])).toBe(false);
  });
});
