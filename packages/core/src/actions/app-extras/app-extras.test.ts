import { describe, expect, it } from "vitest";
import { createBaseClient } from "../../client";
import { ConflictError, RequestValidationError, ResponseValidationError } from "../../errors";
import { isComposeHashRegistrationRequired } from "../../registration";
import {
  APP_HEX,
  type FakeReply,
  fakeFetch,
  type Responder,
  TEST_API_KEY,
  TEST_BASE_URL,
} from "../../test-utils";
import type { ApiVersion } from "../../versions";
import {
  checkAppCvmsIsAllowed,
  checkAppIsAllowed,
  checkCvmIsAllowed,
  createAppInstance,
  getAppAttestation,
  getAppDeviceAllowlist,
  getAppFilterOptions,
  getAppRevisionDetail,
  getAppRevisions,
  safeCreateAppInstance,
  safeGetAppRevisions,
} from "./index";

const revision = {
  revision_id: "rev_1",
  app_id: APP_HEX,
  vm_uuid: "bf1b6f57147045319ad922013366635b",
  compose_hash: "ab".repeat(32),
  created_at: "2026-01-22T10:00:00Z",
  // Required by the contract, and nullable: revisions made outside a traced request have none.
  trace_id: null,
  operation_type: "create",
};
const isAllowed = {
  app_contract_address: `0x${APP_HEX}`,
  compose_hash: "ab".repeat(32),
  device_id: "cd".repeat(32),
  compose_hash_allowed: true,
  allow_any_device: false,
  device_id_allowed: true,
  is_allowed: true,
};

function setup(body: unknown, version?: ApiVersion) {
  const fake = fakeFetch({ body });
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    version,
  });
  return { fake, client, call: () => fake.calls[0]! };
}

describe("app extras: what is sent", () => {
  it("getAppRevisions: GET /apps/{id}/revisions with page args", async () => {
    const { client, call } = setup({
      revisions: [revision],
      total: 1,
      page: 2,
      page_size: 500,
      total_pages: 1,
    });
    const result = await getAppRevisions(client, {
      appId: `0x${APP_HEX}`,
      page: 2,
      page_size: 500,
    });
    expect(call().method).toBe("GET");
    expect(call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/revisions?page=2&page_size=500`);
    expect(call().headers["x-phala-version"]).toBe("2026-01-21");
    expect(call().headers["x-api-key"]).toBe(TEST_API_KEY);
    expect(result.revisions[0]?.revision_id).toBe("rev_1");
  });

  it("getAppRevisionDetail: GET /apps/{id}/revisions/{revision_id}?raw_compose_file", async () => {
    const { client, call } = setup({
      ...revision,
      compose_file: "{}",
      encrypted_env: "",
      user_config: "",
    });
    const result = await getAppRevisionDetail(client, {
      appId: APP_HEX,
      revisionId: "rev_1",
      rawComposeFile: true,
    });
    expect(call().url).toBe(
      `${TEST_BASE_URL}/apps/${APP_HEX}/revisions/rev_1?raw_compose_file=true`,
    );
    expect(result.compose_file).toBe("{}");
  });

  it("getAppFilterOptions: GET /apps/filter-options", async () => {
    const options = {
      statuses: [],
      image_versions: [],
      instance_types: [],
      kms_slugs: [],
      kms_types: [],
      regions: [],
      nodes: ["prod5"],
    };
    const { client, call } = setup(options);
    expect(await getAppFilterOptions(client)).toEqual(options);
    expect(call().url).toBe(`${TEST_BASE_URL}/apps/filter-options`);
  });

  it("getAppAttestation and getAppDeviceAllowlist: their GET paths", async () => {
    const attestation = setup({
      app_id: APP_HEX,
      contract_address: "0x0",
      kms_info: {
        contract_address: "0x1",
        chain_id: null,
        version: "v1",
        url: "u",
        gateway_app_id: null,
        gateway_app_url: "g",
        kms_type: "phala",
      },
      instances: [],
      kms_guest_agent_info: null,
      gateway_guest_agent_info: null,
      qemu_version: null,
    });
    await getAppAttestation(attestation.client, { appId: APP_HEX });
    expect(attestation.call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/attestations`);
    const allowlist = setup({ is_onchain_kms: false });
    const result = await getAppDeviceAllowlist(allowlist.client, { appId: APP_HEX });
    expect(allowlist.call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/device-allowlist`);
    expect(result.devices).toEqual([]);
  });

  it("createAppInstance: POST /apps/{id}/instances with the body fields only", async () => {
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

  it("the three is-allowed checks: their POST paths and bodies", async () => {
    const app = setup(isAllowed);
    await checkAppIsAllowed(app.client, {
      appId: APP_HEX,
      compose_hash: "ab".repeat(32),
      chain_id: 1,
    });
    expect(app.call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/is-allowed`);
    expect(app.call().body).toEqual({ compose_hash: "ab".repeat(32), chain_id: 1 });
    const cvms = setup({ is_onchain: false });
    const batch = await checkAppCvmsIsAllowed(cvms.client, { appId: APP_HEX });
    expect(cvms.call().method).toBe("POST");
    expect(cvms.call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/cvms/is-allowed`);
    // The operation takes no request body: none is sent, nor a JSON content type.
    expect(cvms.call().body).toBeUndefined();
    expect(cvms.call().headers["content-type"]).toBeUndefined();
    expect(batch).toMatchObject({ results: [], total: 0, skipped_cvm_ids: [] });
    const cvm = setup({ ...isAllowed, cvm_id: 4101 });
    const one = await checkCvmIsAllowed(cvm.client, { cvmId: APP_HEX, node_id: 5 });
    expect(cvm.call().url).toBe(`${TEST_BASE_URL}/cvms/app_${APP_HEX}/is-allowed`);
    expect(cvm.call().body).toEqual({ node_id: 5 });
    expect(one.cvm_id).toBe(4101);
  });

  it("an on-chain app with CVMs: integer cvm_id and skipped_cvm_ids validate", async () => {
    const answer = {
      is_onchain: true,
      results: [
        { ...isAllowed, cvm_id: 4101 },
        { ...isAllowed, cvm_id: 4102, is_allowed: false, device_id_allowed: false },
      ],
      total: 3,
      allowed_count: 1,
      denied_count: 1,
      error_count: 0,
      skipped_cvm_ids: [4103],
    };
    const { client } = setup(answer);
    const batch = await checkAppCvmsIsAllowed(client, { appId: APP_HEX });
    expect(batch.results.map((result) => result.cvm_id)).toEqual([4101, 4102]);
    expect(batch.results[1]).toMatchObject({ is_allowed: false, error: null });
    expect(batch.skipped_cvm_ids).toEqual([4103]);
    expect(batch.total).toBe(3);
  });

  it("checkCvmIsAllowed: an integer cvm_id, or none", async () => {
    const withId = setup({ ...isAllowed, cvm_id: 4101 });
    await expect(checkCvmIsAllowed(withId.client, { id: "cvm_1" })).resolves.toMatchObject({
      cvm_id: 4101,
      is_allowed: true,
    });
    const without = setup(isAllowed);
    await expect(checkCvmIsAllowed(without.client, { id: "cvm_1" })).resolves.toMatchObject({
      cvm_id: null,
    });
  });
});

describe("app extras: refused before sending, checked after", () => {
  it("names the wrong argument and sends nothing", async () => {
    const { client, fake } = setup({});
    await expect(
      getAppRevisions(client, { appId: APP_HEX, page_size: 1001 }),
    ).rejects.toMatchObject({
      name: "RequestValidationError",
      issues: [{ path: "page_size" }],
    });
    await expect(checkAppIsAllowed(client, { appId: APP_HEX } as never)).rejects.toBeInstanceOf(
      RequestValidationError,
    );
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
    await expect(
      checkAppCvmsIsAllowed(client, { appId: APP_HEX, compose_hash: "ab" } as never),
    ).rejects.toMatchObject({ issues: [{ path: "compose_hash" }] });
    await expect(checkCvmIsAllowed(client, { cvmId: "a", id: "b" } as never)).rejects.toMatchObject(
      {
        issues: [{ path: "cvmId" }],
      },
    );
    expect(fake.calls).toHaveLength(0);
  });

  it("rejects a body of the wrong shape; the safe twin resolves the error", async () => {
    const { client } = setup({ revisions: "nope" });
    await expect(getAppRevisions(client, { appId: APP_HEX })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    const result = await safeGetAppRevisions(client, { appId: APP_HEX });
    expect(result.success).toBe(false);
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

describe("app extras: CVM ids by version (numbers until 2026-01-21, hashids from 2026-05-22)", () => {
  it("checkCvmIsAllowed: 2026-05-22 takes a cvm_... cvm_id and refuses a number; 2026-01-21 the reverse", async () => {
    const hashid = setup({ ...isAllowed, cvm_id: "cvm_ykL5lbAn" }, "2026-05-22");
    await expect(checkCvmIsAllowed(hashid.client, { id: "cvm_ykL5lbAn" })).resolves.toMatchObject({
      cvm_id: "cvm_ykL5lbAn",
    });
    expect(hashid.call().headers["x-phala-version"]).toBe("2026-05-22");
    const numeric = setup({ ...isAllowed, cvm_id: 0 }, "2026-05-22");
    const refused = await checkCvmIsAllowed(numeric.client, { id: "cvm_1" }).catch((e) => e);
    expect(refused).toBeInstanceOf(ResponseValidationError);
    expect(refused).toMatchObject({ apiVersion: "2026-05-22", issues: [{ path: "cvm_id" }] });
    const old = setup({ ...isAllowed, cvm_id: 0 }, "2026-01-21");
    await expect(checkCvmIsAllowed(old.client, { id: "cvm_1" })).resolves.toMatchObject({
      cvm_id: 0,
    });
    const oldHashid = setup({ ...isAllowed, cvm_id: "cvm_ykL5lbAn" }, "2026-01-21");
    await expect(checkCvmIsAllowed(oldHashid.client, { id: "cvm_1" })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it("checkAppCvmsIsAllowed and getAppDeviceAllowlist: hashid lists on 2026-06-23", async () => {
    const batch = setup(
      {
        is_onchain: true,
        results: [{ ...isAllowed, cvm_id: "cvm_a1" }],
        total: 2,
        allowed_count: 1,
        denied_count: 0,
        error_count: 0,
        skipped_cvm_ids: ["cvm_b2"],
      },
      "2026-06-23",
    );
    const answer = await checkAppCvmsIsAllowed(batch.client, { appId: APP_HEX });
    expect(answer.results[0]!.cvm_id).toBe("cvm_a1");
    expect(answer.skipped_cvm_ids).toEqual(["cvm_b2"]);
    const numeric = setup({ is_onchain: true, skipped_cvm_ids: [7] }, "2026-06-23");
    await expect(checkAppCvmsIsAllowed(numeric.client, { appId: APP_HEX })).rejects.toMatchObject({
      issues: [{ path: "skipped_cvm_ids.0" }],
    });
    const device = {
      device_id: "cd".repeat(32),
      node_name: "prod5",
      allowed_onchain: true,
      status: "allowed",
    };
    const allowlist = setup(
      { is_onchain_kms: true, devices: [{ ...device, cvm_ids: ["cvm_a1"] }] },
      "2026-05-22",
    );
    const devices = await getAppDeviceAllowlist(allowlist.client, { appId: APP_HEX });
    expect(devices.devices[0]!.cvm_ids).toEqual(["cvm_a1"]);
    const old = setup({ is_onchain_kms: true, devices: [{ ...device, cvm_ids: [0] }] });
    const oldDevices = await getAppDeviceAllowlist(old.client, { appId: APP_HEX });
    expect(oldDevices.devices[0]!.cvm_ids).toEqual([0]);
  });

  it("createAppInstance: the VM record's id is the hashid on 2026-05-22", async () => {
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
