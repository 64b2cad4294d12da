import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnyClient } from "../../client";
import { createBaseClient } from "../../client";
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  RequestValidationError,
  ResponseValidationError,
  UnprocessableEntityError,
} from "../../errors";
import { isComposeHashRegistrationRequired } from "../../registration";
import {
  APP_HEX,
  type FakeReply,
  fakeFetch,
  TEST_API_KEY,
  TEST_BASE_URL,
  VM_UUID,
} from "../../test-utils";
import type { ApiVersion } from "../../versions";
import {
  commitCvmProvision,
  commitCvmReplica,
  deleteCvm,
  getCvmStatusBatch,
  provisionCvm,
  refreshCvmInstanceId,
  refreshCvmInstanceIds,
  renameCvm,
  replicateCvm,
  restartCvm,
  safeCommitCvmProvision,
  safeCommitCvmReplica,
  safeDeleteCvm,
  safeGetCvmStatusBatch,
  safeProvisionCvm,
  safeRefreshCvmInstanceId,
  safeRefreshCvmInstanceIds,
  safeRenameCvm,
  safeReplicateCvm,
  safeRestartCvm,
  safeShutdownCvm,
  safeStartCvm,
  safeStopCvm,
  safeUpdateCvmResources,
  safeUpdateCvmVisibility,
  safeUpdateOsImage,
  shutdownCvm,
  startCvm,
  stopCvm,
  updateCvmResources,
  updateCvmVisibility,
  updateOsImage,
} from "./index";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const COMPOSE_HASH = "ab".repeat(32);
const UUID_HEX = VM_UUID.replaceAll("-", "");

function vm(overrides: Record<string, unknown> = {}) {
  return {
    id: 0,
    name: "price-oracle",
    status: "starting",
    teepod_id: 5,
    teepod: { id: 5, name: "prod5", region_identifier: "us-west-1" },
    app_id: APP_HEX,
    vm_uuid: VM_UUID,
    instance_id: null,
    app_url: `https://${APP_HEX}-8090.dstack-pha-prod5.phala.network`,
    base_image: "dstack-0.5.3",
    vcpu: 2,
    memory: 4096,
    disk_size: 40,
    manifest_version: 2,
    version: "0.5.3",
    runner: "docker-compose",
    docker_compose_file: "services: {}\n",
    features: ["kms", "tproxy-net"],
    created_at: "2026-03-05T10:00:00.000Z",
    encrypted_env_pubkey: "cd".repeat(32),
    user_id: null,
    app_auth_contract_address: null,
    deployer_address: null,
    ...overrides,
  };
}

function provisionReply() {
  return {
    app_id: APP_HEX,
    app_env_encrypt_pubkey: "cd".repeat(32),
    compose_hash: COMPOSE_HASH,
    kms_info: {
      id: "kms-phala-prod",
      slug: "phala-prod",
      url: "https://kms.phala.network",
      version: "v0.5.3",
      chain_id: null,
      kms_contract_address: null,
      gateway_app_id: "ef".repeat(20),
      k256_pubkey: null,
    },
    fmspc: "00806f050000",
    device_id: "01".repeat(32),
    os_image_hash: "02".repeat(32),
    instance_type: "tdx.small",
    token: null,
    node_id: 5,
    teepod_id: 5,
    kms_id: "kms-phala-prod",
    kms_contract_id: null,
    compose_hash_registered: null,
  };
}

function refreshResult(overrides: Record<string, unknown> = {}) {
  return {
    cvm_id: 0,
    identifier: "price-oracle",
    status: "unchanged",
    old_instance_id: "aa".repeat(20),
    new_instance_id: "aa".repeat(20),
    source: "teepod_state",
    verified_with_gateway: true,
    reason: null,
    ...overrides,
  };
}

/** The API's answer: the running operation's fields sit flat beside the status. */
function batchStatus() {
  return {
    [VM_UUID]: {
      vm_uuid: VM_UUID,
      status: "stopping",
      uptime: "3m",
      in_progress: true,
      boot_progress: "done",
      boot_error: null,
      shutdown_progress: "stopping containers",
      events: [{ event: "shutdown", body: "graceful", timestamp: 1767225600 }],
      operation_type: "stop",
      operation_started_at: "2026-01-01T00:00:00Z",
      correlation_id: "op_7",
    },
  };
}

function setup(reply: FakeReply, version?: ApiVersion) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    version,
  });
  return { fake, client };
}

interface Case {
  name: string;
  method: string;
  path: string;
  body: unknown;
  reply: FakeReply;
  call: (client: AnyClient) => Promise<unknown>;
  safeCall: (client: AnyClient) => Promise<unknown>;
  expected: unknown;
}

const composeFile = {
  docker_compose_file: "services:\n  web:\n    image: nginx\n",
  allowed_envs: ["A"],
};

const cases: Case[] = [
  {
    name: "provisionCvm",
    method: "POST",
    path: "/cvms/provision",
    body: {
      name: "my-app",
      // The API requires the compose's name: the CVM's name stands in for it.
      compose_file: { ...composeFile, name: "my-app" },
      instance_type: "tdx.small",
      env_keys: ["A"],
      listed: false,
    },
    reply: { body: provisionReply() },
    call: (c) =>
      provisionCvm(c, {
        name: "my-app",
        compose_file: composeFile,
        instance_type: "tdx.small",
        env_keys: ["A"],
        listed: false,
      }),
    safeCall: (c) =>
      safeProvisionCvm(c, {
        name: "my-app",
        compose_file: composeFile,
        instance_type: "tdx.small",
        env_keys: ["A"],
        listed: false,
      }),
    expected: provisionReply(),
  },
  {
    name: "commitCvmProvision",
    method: "POST",
    path: "/cvms",
    body: { app_id: APP_HEX, compose_hash: COMPOSE_HASH, encrypted_env: "00ff", env_keys: ["A"] },
    reply: { status: 201, body: vm() },
    call: (c) =>
      commitCvmProvision(c, {
        app_id: APP_HEX,
        compose_hash: COMPOSE_HASH,
        encrypted_env: "00ff",
        env_keys: ["A"],
      }),
    safeCall: (c) =>
      safeCommitCvmProvision(c, {
        app_id: APP_HEX,
        compose_hash: COMPOSE_HASH,
        encrypted_env: "00ff",
        env_keys: ["A"],
      }),
    expected: vm(),
  },
  {
    name: "startCvm",
    method: "POST",
    path: "/cvms/price-oracle/start",
    body: undefined,
    reply: { body: vm() },
    call: (c) => startCvm(c, { name: "price-oracle" }),
    safeCall: (c) => safeStartCvm(c, { name: "price-oracle" }),
    expected: vm(),
  },
  {
    name: "stopCvm",
    method: "POST",
    path: `/cvms/${UUID_HEX}/stop`,
    body: undefined,
    reply: { body: vm({ status: "stopping" }) },
    call: (c) => stopCvm(c, { uuid: VM_UUID }),
    safeCall: (c) => safeStopCvm(c, { uuid: VM_UUID }),
    expected: vm({ status: "stopping" }),
  },
  {
    name: "shutdownCvm",
    method: "POST",
    path: `/cvms/app_${APP_HEX}/shutdown`,
    body: undefined,
    reply: { body: vm({ status: "stopping" }) },
    call: (c) => shutdownCvm(c, { app_id: APP_HEX }),
    safeCall: (c) => safeShutdownCvm(c, { app_id: APP_HEX }),
    expected: vm({ status: "stopping" }),
  },
  {
    name: "restartCvm",
    method: "POST",
    path: "/cvms/cvm_1/restart",
    body: { force: true },
    reply: { body: vm({ status: "restarting" }) },
    call: (c) => restartCvm(c, { id: "cvm_1", force: true }),
    safeCall: (c) => safeRestartCvm(c, { id: "cvm_1", force: true }),
    expected: vm({ status: "restarting" }),
  },
  {
    name: "deleteCvm",
    method: "DELETE",
    path: "/cvms/cvm_1",
    body: undefined,
    reply: { status: 204, raw: null },
    call: (c) => deleteCvm(c, { id: "cvm_1" }),
    safeCall: (c) => safeDeleteCvm(c, { id: "cvm_1" }),
    expected: undefined,
  },
  {
    name: "renameCvm",
    method: "PATCH",
    path: "/cvms/cvm_ykL5lbAn/name",
    body: { name: "price-oracle-2" },
    reply: { status: 204, raw: null },
    call: (c) => renameCvm(c, { id: "cvm_ykL5lbAn", name: "price-oracle-2" }),
    safeCall: (c) => safeRenameCvm(c, { id: "cvm_ykL5lbAn", name: "price-oracle-2" }),
    expected: undefined,
  },
  {
    name: "replicateCvm",
    method: "POST",
    path: "/cvms/cvm_1/replicas",
    body: { node_id: 9 },
    reply: { status: 201, body: vm({ teepod_id: 9 }) },
    call: (c) => replicateCvm(c, { id: "cvm_1", node_id: 9 }),
    safeCall: (c) => safeReplicateCvm(c, { id: "cvm_1", node_id: 9 }),
    expected: vm({ teepod_id: 9 }),
  },
  {
    name: "updateCvmResources",
    method: "PATCH",
    path: "/cvms/cvm_1",
    body: { instance_type: "tdx.large", disk_size: 80, allow_restart: true },
    reply: {
      status: 202,
      body: { correlation_id: "op_5", status: "accepted", message: "Resize scheduled" },
    },
    call: (c) =>
      updateCvmResources(c, {
        id: "cvm_1",
        instance_type: "tdx.large",
        disk_size: 80,
        allow_restart: true,
      }),
    safeCall: (c) =>
      safeUpdateCvmResources(c, {
        id: "cvm_1",
        instance_type: "tdx.large",
        disk_size: 80,
        allow_restart: true,
      }),
    expected: { correlation_id: "op_5", status: "accepted", message: "Resize scheduled" },
  },
  {
    name: "updateCvmVisibility",
    method: "PATCH",
    path: "/cvms/cvm_1",
    body: { public_sysinfo: false, public_logs: true },
    reply: { status: 202, body: { correlation_id: "op_6" } },
    call: (c) => updateCvmVisibility(c, { id: "cvm_1", public_sysinfo: false, public_logs: true }),
    safeCall: (c) =>
      safeUpdateCvmVisibility(c, { id: "cvm_1", public_sysinfo: false, public_logs: true }),
    expected: {
      status: "accepted",
      correlation_id: "op_6",
      public_sysinfo: false,
      public_logs: true,
      public_tcbinfo: null,
    },
  },
  {
    name: "updateOsImage",
    method: "PATCH",
    path: "/cvms/cvm_1/os-image",
    body: { os_image_name: "dstack-0.5.4" },
    reply: { status: 202, raw: null },
    call: (c) => updateOsImage(c, { id: "cvm_1", os_image_name: "dstack-0.5.4" }),
    safeCall: (c) => safeUpdateOsImage(c, { id: "cvm_1", os_image_name: "dstack-0.5.4" }),
    expected: { correlation_id: null, status: null, message: null },
  },
  {
    name: "refreshCvmInstanceId",
    method: "PATCH",
    path: `/cvms/instance_${"aa".repeat(20)}/instance-id`,
    body: { overwrite: true, dry_run: false },
    reply: { body: refreshResult() },
    call: (c) =>
      refreshCvmInstanceId(c, { instance_id: "aa".repeat(20), overwrite: true, dry_run: false }),
    safeCall: (c) =>
      safeRefreshCvmInstanceId(c, {
        instance_id: "aa".repeat(20),
        overwrite: true,
        dry_run: false,
      }),
    expected: refreshResult(),
  },
  {
    name: "refreshCvmInstanceIds",
    method: "PATCH",
    path: "/cvms/instance-ids",
    body: { running_only: true, limit: 10 },
    reply: {
      body: {
        total: 1,
        scanned: 1,
        updated: 0,
        unchanged: 1,
        skipped: 0,
        conflicts: 0,
        errors: 0,
        items: [refreshResult()],
      },
    },
    call: (c) => refreshCvmInstanceIds(c, { running_only: true, limit: 10 }),
    safeCall: (c) => safeRefreshCvmInstanceIds(c, { running_only: true, limit: 10 }),
    expected: {
      total: 1,
      scanned: 1,
      updated: 0,
      unchanged: 1,
      skipped: 0,
      conflicts: 0,
      errors: 0,
      items: [refreshResult()],
    },
  },
  {
    name: "getCvmStatusBatch",
    method: "POST",
    path: "/status/batch",
    body: { vm_uuids: [VM_UUID] },
    reply: { body: batchStatus() },
    call: (c) => getCvmStatusBatch(c, { vmUuids: [VM_UUID] }),
    safeCall: (c) => safeGetCvmStatusBatch(c, { vmUuids: [VM_UUID] }),
    expected: batchStatus(),
  },
];

describe.each(cases)("$name", (testCase) => {
  it(`sends ${testCase.method} ${testCase.path} with its body and the SDK's headers`, async () => {
    const { fake, client } = setup(testCase.reply);
    await testCase.call(client);
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0]!;
    expect(call.method).toBe(testCase.method);
    expect(call.url).toBe(`${TEST_BASE_URL}${testCase.path}`);
    expect(call.body).toEqual(testCase.body);
    expect(call.headers["x-phala-version"]).toBe("2026-01-21");
    expect(call.headers["x-api-key"]).toBe(TEST_API_KEY);
    if (testCase.body !== undefined) expect(call.headers["content-type"]).toBe("application/json");
  });

  it("resolves the validated result", async () => {
    const { client } = setup(testCase.reply);
    expect(await testCase.call(client)).toEqual(testCase.expected);
  });

  it("safe twin resolves { success: true, data }", async () => {
    const { client } = setup(testCase.reply);
    expect(await testCase.safeCall(client)).toEqual({ success: true, data: testCase.expected });
  });

  it("rejects a body of the wrong shape with ResponseValidationError", async () => {
    const { client } = setup({ status: 200, body: [{ unexpected: true }] });
    const error = await testCase.call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).endpoint).toBe(testCase.name);
  });

  it("safe twin resolves { success: false } on an API error", async () => {
    const { client } = setup({
      status: 404,
      body: {
        detail: {
          error_code: "ERR-03-001",
          message: "CVM not found",
          details: [],
          suggestions: [],
          links: [],
        },
      },
    });
    const result = (await testCase.safeCall(client)) as { success: boolean; error: unknown };
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(NotFoundError);
  });
});

describe("provisionCvm: the body of ProvisionDstackAppRequestV2", () => {
  it.each([
    ["BASE", "base"],
    ["Ethereum", "ethereum"],
    ["phala", "phala"],
  ] as const)("takes kms %s and sends %s", async (kms, sent) => {
    const { fake, client } = setup({ body: provisionReply() });
    await provisionCvm(client, { name: "my-app", compose_file: composeFile, kms: kms as "BASE" });
    expect((fake.calls[0]!.body as { kms: string }).kms).toBe(sent);
  });

  it("sends compose_file.name as given, or the CVM's name when omitted", async () => {
    const { fake, client } = setup({ body: provisionReply() });
    await provisionCvm(client, { name: "my-app", compose_file: composeFile });
    expect(fake.calls[0]!.body).toMatchObject({ compose_file: { name: "my-app" } });
    await provisionCvm(client, {
      name: "my-app",
      compose_file: { ...composeFile, name: "oracle" },
    });
    expect(fake.calls[1]!.body).toMatchObject({ name: "my-app", compose_file: { name: "oracle" } });
  });

  it("sends the newer fields under the contract's names", async () => {
    const { fake, client } = setup({ body: provisionReply() });
    const args = {
      name: "gpu-app",
      compose_file: {
        ...composeFile,
        name: "gpu-app",
        key_provider: "kms" as const,
        swap_size: "2G",
        port_policy: { ports: [{ port: 443, pp: true }], restrict_mode: true },
        storage_fs: "zfs" as const,
        bash_script: "echo hi",
      },
      instance_type: "h200.small",
      node_id: 7,
      teepod_id: 3,
      prefer_dev: false,
      kms: "base" as const,
      kms_contract: "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
      kms_contract_id: "kmsc_1",
      key_provider_mode: "kms" as const,
      skip_gateway: true,
      ports: [{ protocol: "tcp", host_port: 8443, vm_port: 443 }],
      user_config: "{}",
      gpus: { gpus: [{ slot: "0000:18:00.0" }], attach_mode: "listed" as const },
      hugepages: true,
      pin_numa: true,
      kms_urls: ["https://kms.example"],
      gateway_urls: ["https://gateway.example"],
    };
    await provisionCvm(client, args);
    expect(fake.calls[0]!.body).toEqual(args);
    await provisionCvm(client, { name: "gpu-app", compose_file: composeFile, kms_contract_id: 12 });
    expect(fake.calls[1]!.body).toMatchObject({ kms_contract_id: 12 });
  });

  it("refuses the newer fields' wrong values before sending", async () => {
    const base = { name: "my-app", compose_file: composeFile };
    const bad = (args: unknown) => args as never;
    await refused((c) => provisionCvm(c, bad({ ...base, kms: "solana" })), "kms");
    await refused(
      (c) => provisionCvm(c, bad({ ...base, key_provider_mode: "tpm" })),
      "key_provider_mode",
    );
    await refused((c) => provisionCvm(c, bad({ ...base, skip_gateway: "yes" })), "skip_gateway");
    await refused(
      (c) => provisionCvm(c, bad({ ...base, kms_contract_id: 1.5 })),
      "kms_contract_id",
    );
    await refused((c) => provisionCvm(c, bad({ ...base, hugepages: 1 })), "hugepages");
    await refused(
      (c) => provisionCvm(c, bad({ ...base, ports: [{ protocol: "tcp", host_port: 80 }] })),
      "ports.0.vm_port",
    );
    await refused(
      (c) => provisionCvm(c, bad({ ...base, gpus: { gpus: [{ product_id: "h200" }] } })),
      "gpus.gpus.0.slot",
    );
    await refused(
      (c) =>
        provisionCvm(
          c,
          bad({
            ...base,
            compose_file: {
              ...composeFile,
              port_policy: { ports: [{ port: 0, pp: true }], restrict_mode: true },
            },
          }),
        ),
      "compose_file.port_policy.ports.0.port",
    );
  });
});

describe("replicas: replicateCvm and commitCvmReplica", () => {
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
  /** The structured 465 of an app whose KMS is its own on-chain contract. */
  const registrationBody = {
    detail: {
      error_code: "ERR-01-005",
      message: "Compose hash registration required on-chain",
      details: [
        { field: "compose_hash", value: COMPOSE_HASH, message: null },
        { field: "app_id", value: APP_HEX, message: null },
        { field: "device_id", value: "ef".repeat(32), message: null },
        { field: "kms_info", value: KMS_INFO, message: null },
        { field: "commit_token", value: "rt_1", message: null },
        { field: "commit_url", value: "https://cloud.example/commit?token=rt_1", message: null },
        {
          field: "api_commit_url",
          value: "https://api.example/cvms/cvm_1/commit-replica",
          message: null,
        },
        {
          field: "onchain_status",
          value: { compose_hash_allowed: true, device_id_allowed: false, is_allowed: false },
          message: null,
        },
      ],
    },
  };

  it("sends node_id, teepod_id, encrypted_env and compose_hash, and X-Prepare-Only", async () => {
    const { fake, client } = setup({ status: 201, body: vm({ teepod_id: 9 }) });
    await replicateCvm(client, {
      id: "cvm_1",
      node_id: 9,
      teepod_id: 12,
      encrypted_env: "00ff",
      compose_hash: COMPOSE_HASH,
      prepareOnly: true,
    });
    const call = fake.calls[0]!;
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1/replicas`);
    // node_id and teepod_id are two ids, both forwarded as given.
    expect(call.body).toEqual({
      node_id: 9,
      teepod_id: 12,
      encrypted_env: "00ff",
      compose_hash: COMPOSE_HASH,
    });
    expect(call.headers["x-prepare-only"]).toBe("true");
    await replicateCvm(client, { id: "cvm_1" });
    expect(fake.calls[1]!.headers["x-prepare-only"]).toBeUndefined();
    expect(fake.calls[1]!.body).toEqual({});
  });

  it("returns the contract-owned KMS 465 as precondition_required, then commits it", async () => {
    const answers: FakeReply[] = [
      { status: 465, body: registrationBody },
      { status: 200, body: vm({ teepod_id: 9, status: "starting" }) },
    ];
    const replies = fakeFetch((_call, index) => answers[index]!);
    const twoStep = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: replies.fetch,
    });
    const first = await replicateCvm(twoStep, { uuid: VM_UUID, node_id: 9, prepareOnly: true });
    expect(isComposeHashRegistrationRequired(first)).toBe(true);
    expect(first).toEqual({
      status: "precondition_required",
      message: "Compose hash registration required on-chain",
      error_code: "ERR-01-005",
      compose_hash: COMPOSE_HASH,
      app_id: APP_HEX,
      device_id: "ef".repeat(32),
      kms_info: KMS_INFO,
      commit_token: "rt_1",
      commit_url: "https://cloud.example/commit?token=rt_1",
      api_commit_url: "https://api.example/cvms/cvm_1/commit-replica",
      onchain_status: { compose_hash_allowed: true, device_id_allowed: false, is_allowed: false },
    });
    if (!isComposeHashRegistrationRequired(first)) throw new Error("expected the 465 result");
    const replica = await commitCvmReplica(twoStep, {
      uuid: VM_UUID,
      token: first.commit_token!,
      composeHash: first.compose_hash,
      transactionHash: TX,
    });
    const commit = replies.calls[1]!;
    expect(commit.method).toBe("POST");
    expect(commit.url).toBe(`${TEST_BASE_URL}/cvms/${UUID_HEX}/commit-replica`);
    expect(commit.body).toEqual({
      token: "rt_1",
      compose_hash: COMPOSE_HASH,
      transaction_hash: TX,
    });
    expect(replica).toMatchObject({ teepod_id: 9, status: "starting", app_id: APP_HEX });
  });

  it("commitCvmReplica takes already-registered as the transaction; has a safe twin", async () => {
    const { fake, client } = setup({ body: vm() });
    const result = await safeCommitCvmReplica(client, {
      id: "cvm_1",
      token: "rt_1",
      composeHash: COMPOSE_HASH,
      transactionHash: "already-registered",
    });
    expect(result.success).toBe(true);
    expect(fake.calls[0]!.body).toMatchObject({ transaction_hash: "already-registered" });
  });

  it("refuses malformed replica arguments before sending", async () => {
    await refused((c) => replicateCvm(c, { id: "cvm_1", teepod_id: 0 }), "teepod_id");
    await refused((c) => replicateCvm(c, { id: "cvm_1", encrypted_env: "xyz" }), "encrypted_env");
    await refused((c) => replicateCvm(c, { id: "cvm_1", compose_hash: "ab" }), "compose_hash");
    await refused(
      (c) =>
        commitCvmReplica(c, {
          id: "cvm_1",
          token: "",
          composeHash: COMPOSE_HASH,
          transactionHash: TX,
        }),
      "token",
    );
    await refused(
      (c) =>
        commitCvmReplica(c, {
          id: "cvm_1",
          token: "rt_1",
          composeHash: COMPOSE_HASH,
          transactionHash: "0x12",
        }),
      "transactionHash",
    );
  });
});

describe("getCvmStatusBatch", () => {
  it("returns the operation's fields as the API sends them, flat beside the status", async () => {
    const { client } = setup({ body: batchStatus() });
    const statuses = await getCvmStatusBatch(client, { vmUuids: [VM_UUID] });
    expect(statuses[VM_UUID]).toMatchObject({
      status: "stopping",
      in_progress: true,
      operation_type: "stop",
      operation_started_at: "2026-01-01T00:00:00Z",
      correlation_id: "op_7",
      shutdown_progress: "stopping containers",
      events: [{ event: "shutdown", body: "graceful", timestamp: 1767225600 }],
    });
  });

  it("an idle CVM's operation fields come back null", async () => {
    const { client } = setup({ body: { [VM_UUID]: { vm_uuid: VM_UUID, status: "running" } } });
    const statuses = await getCvmStatusBatch(client, { vmUuids: [VM_UUID] });
    expect(statuses[VM_UUID]).toEqual({
      vm_uuid: VM_UUID,
      status: "running",
      uptime: null,
      in_progress: false,
      boot_progress: null,
      boot_error: null,
      shutdown_progress: null,
      operation_type: null,
      operation_started_at: null,
      correlation_id: null,
    });
  });
});

describe("202 answers of background operations", () => {
  it("updateOsImage returns the JSON answer's correlation_id, status and message", async () => {
    const { client } = setup({
      status: 202,
      body: { correlation_id: "op_9", status: "accepted", message: "OS upgrade scheduled" },
    });
    await expect(
      updateOsImage(client, { id: "cvm_1", os_image_name: "dstack-0.5.4" }),
    ).resolves.toEqual({
      correlation_id: "op_9",
      status: "accepted",
      message: "OS upgrade scheduled",
    });
  });

  it("updateCvmResources takes an empty 202 or one with only correlation_id", async () => {
    const empty = setup({ status: 202, raw: null });
    await expect(updateCvmResources(empty.client, { id: "cvm_1", vcpu: 4 })).resolves.toEqual({
      correlation_id: null,
      status: null,
      message: null,
    });
    expect(empty.fake.calls[0]!.body).toEqual({ vcpu: 4 });
    const partial = setup({ status: 202, body: { correlation_id: "op_3" } });
    await expect(
      updateCvmResources(partial.client, { id: "cvm_1", memory: 8192 }),
    ).resolves.toEqual({ correlation_id: "op_3", status: null, message: null });
  });

  it("updateCvmResources resizes through PATCH /cvms/{id}, not the deprecated /resources", async () => {
    const { fake, client } = setup({ status: 202, raw: null });
    await updateCvmResources(client, {
      uuid: VM_UUID,
      vcpu: 2,
      memory: 4096,
      disk_size: 60,
      instance_type: "tdx.medium",
      allow_restart: false,
    });
    expect(fake.calls[0]!.method).toBe("PATCH");
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/${UUID_HEX}`);
    // allow_restart is a boolean in UpdateCvmRequest (the old /resources took 0/1).
    expect(fake.calls[0]!.body).toEqual({
      vcpu: 2,
      memory: 4096,
      disk_size: 60,
      instance_type: "tdx.medium",
      allow_restart: false,
    });
  });

  it("updateCvmVisibility sends PATCH /cvms/{id} and reports the values it set", async () => {
    const { fake, client } = setup({ status: 202, body: { correlation_id: "op_4" } });
    const result = await updateCvmVisibility(client, {
      name: "price-oracle",
      public_sysinfo: true,
      public_logs: false,
      public_tcbinfo: true,
    });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/price-oracle`);
    expect(fake.calls[0]!.body).toEqual({
      public_sysinfo: true,
      public_logs: false,
      public_tcbinfo: true,
    });
    expect(result).toEqual({
      status: "accepted",
      correlation_id: "op_4",
      public_sysinfo: true,
      public_logs: false,
      public_tcbinfo: true,
    });
    // An empty 202 still reports what was set.
    const empty = setup({ status: 202, raw: null });
    await expect(
      updateCvmVisibility(empty.client, { id: "cvm_1", public_sysinfo: false, public_logs: false }),
    ).resolves.toEqual({
      status: "accepted",
      correlation_id: null,
      public_sysinfo: false,
      public_logs: false,
      public_tcbinfo: null,
    });
  });

  it("updateCvmVisibility returns an on-chain app's 465 as precondition_required", async () => {
    const { client } = setup({
      status: 465,
      body: {
        detail: {
          error_code: "ERR-01-005",
          message: "Compose hash registration required on-chain",
          details: [
            { field: "compose_hash", value: COMPOSE_HASH, message: null },
            { field: "app_id", value: APP_HEX, message: null },
          ],
        },
      },
    });
    const result = await updateCvmVisibility(client, {
      id: "cvm_1",
      public_sysinfo: true,
      public_logs: true,
    });
    expect(result).toMatchObject({
      status: "precondition_required",
      compose_hash: COMPOSE_HASH,
      app_id: APP_HEX,
      public_logs: true,
    });
  });

  it("with schema: false the body comes back as sent", async () => {
    const { client } = setup({ status: 202, body: { correlation_id: "op_1" } });
    await expect(
      updateCvmVisibility(
        client,
        { id: "cvm_1", public_sysinfo: true, public_logs: true },
        { schema: false },
      ),
    ).resolves.toEqual({ status: "accepted", correlation_id: "op_1" });
  });
});

/** Calls an action with arguments it must refuse before sending anything. */
async function refused(call: (client: AnyClient) => Promise<unknown>, path: string) {
  const { fake, client } = setup({ body: {} });
  const error = await call(client).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RequestValidationError);
  expect((error as RequestValidationError).issues.map((issue) => issue.path)).toContain(path);
  expect(fake.calls).toHaveLength(0);
}

describe("argument checks (nothing sent)", () => {
  const bad = (args: unknown) => args as never;

  it("provisionCvm: name, compose file and sizes", async () => {
    await refused((c) => provisionCvm(c, bad({ compose_file: composeFile })), "name");
    await refused((c) => provisionCvm(c, bad({ name: "my-app" })), "compose_file");
    await refused((c) => provisionCvm(c, { name: "ab", compose_file: composeFile }), "name");
    await refused(
      (c) => provisionCvm(c, { name: "9starts-with-digit", compose_file: composeFile }),
      "name",
    );
    await refused(
      (c) => provisionCvm(c, bad({ name: "my-app", compose_file: { docker_compose_file: "" } })),
      "compose_file.docker_compose_file",
    );
    await refused(
      (c) =>
        provisionCvm(
          c,
          bad({ name: "my-app", compose_file: { ...composeFile, public_logs: "yes" } }),
        ),
      "compose_file.public_logs",
    );
    await refused(
      (c) => provisionCvm(c, bad({ name: "my-app", compose_file: "services:" })),
      "compose_file",
    );
    await refused(
      (c) => provisionCvm(c, { name: "my-app", compose_file: composeFile, vcpu: 0 }),
      "vcpu",
    );
    await refused(
      (c) => provisionCvm(c, bad({ name: "my-app", compose_file: composeFile, kms: "SOLANA" })),
      "kms",
    );
    await refused(
      (c) => provisionCvm(c, { name: "my-app", compose_file: composeFile, nonce: 1 }),
      "app_id",
    );
    await refused(
      (c) => provisionCvm(c, bad({ name: "my-app", compose_file: composeFile, instanceType: "x" })),
      "instanceType",
    );
  });

  it("commitCvmProvision: app_id, compose_hash, hex env", async () => {
    await refused((c) => commitCvmProvision(c, bad({ compose_hash: COMPOSE_HASH })), "app_id");
    await refused((c) => commitCvmProvision(c, bad({ app_id: APP_HEX })), "compose_hash");
    await refused(
      (c) =>
        commitCvmProvision(c, {
          app_id: APP_HEX,
          compose_hash: COMPOSE_HASH,
          encrypted_env: "not hex",
        }),
      "encrypted_env",
    );
  });

  it("CVM actions need exactly one identifier", async () => {
    await refused((c) => startCvm(c, bad({})), "id");
    await refused((c) => stopCvm(c, bad({ id: "a", name: "b" })), "id|name");
    await refused((c) => deleteCvm(c, { id: " " }), "id");
  });

  it("body arguments of CVM actions are type-checked", async () => {
    await refused((c) => restartCvm(c, bad({ id: "cvm_1", force: "yes" })), "force");
    await refused((c) => replicateCvm(c, { id: "cvm_1", node_id: 1.5 }), "node_id");
    await refused(
      (c) => updateCvmResources(c, { id: "cvm_1", allow_restart: true }),
      "vcpu|memory|disk_size|instance_type",
    );
    await refused((c) => updateCvmResources(c, { id: "cvm_1", disk_size: -1 }), "disk_size");
    await refused(
      (c) => updateCvmVisibility(c, bad({ id: "cvm_1", public_logs: true })),
      "public_sysinfo",
    );
    await refused((c) => updateOsImage(c, bad({ id: "cvm_1" })), "os_image_name");
    await refused((c) => refreshCvmInstanceId(c, bad({ id: "cvm_1", dryRun: true })), "dryRun");
  });

  it("refreshCvmInstanceIds: limit 1 to 500", async () => {
    await refused((c) => refreshCvmInstanceIds(c, { limit: 501 }), "limit");
    await refused((c) => refreshCvmInstanceIds(c, { limit: 0 }), "limit");
    await refused((c) => refreshCvmInstanceIds(c, bad({ cvm_ids: "cvm_1" })), "cvm_ids");
  });

  it("getCvmStatusBatch: a non-empty list of UUIDs", async () => {
    await refused((c) => getCvmStatusBatch(c, bad({})), "vmUuids");
    await refused((c) => getCvmStatusBatch(c, { vmUuids: [] }), "vmUuids");
    await refused((c) => getCvmStatusBatch(c, { vmUuids: [""] }), "vmUuids");
  });

  it("safe twins resolve the RequestValidationError", async () => {
    const { fake, client } = setup({ body: {} });
    const result = await safeStartCvm(client, bad({}));
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect(fake.calls).toHaveLength(0);
  });
});

describe("request details", () => {
  it("restartCvm sends force: false when not given", async () => {
    const { fake, client } = setup({ body: vm({ status: "restarting" }) });
    await restartCvm(client, { id: "cvm_1" });
    expect(fake.calls[0]!.body).toEqual({ force: false });
  });

  it("replicateCvm sends an empty object without node_id", async () => {
    const { fake, client } = setup({ body: vm() });
    await replicateCvm(client, { id: "cvm_1" });
    expect(fake.calls[0]!.body).toEqual({});
  });

  it("refreshCvmInstanceIds may be called without arguments", async () => {
    const body = {
      total: 0,
      scanned: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      conflicts: 0,
      errors: 0,
      items: [],
    };
    const { fake, client } = setup({ body });
    expect(await refreshCvmInstanceIds(client)).toEqual(body);
    expect(fake.calls[0]!.body).toEqual({});
  });

  it("sends the per-call version", async () => {
    const { fake, client } = setup({ body: vm({ id: 4101, user_id: 1001 }) });
    const result = await startCvm(client, { id: "cvm_1" }, { version: "2025-10-28" });
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2025-10-28");
    expect(result.id).toBe(4101);
  });

  it("maps 409 and 422 answers to their error classes", async () => {
    const conflict = setup({
      status: 409,
      body: {
        detail: {
          error_code: "ERR-02-008",
          message: "CVM is running",
          details: [],
          suggestions: [],
          links: [],
        },
      },
    });
    const error = await startCvm(conflict.client, { id: "cvm_1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).errorCode).toBe("ERR-02-008");
    const invalid = setup({
      status: 422,
      body: {
        detail: [{ type: "missing", loc: ["body", "app_id"], msg: "Field required", input: {} }],
      },
    });
    expect(
      await commitCvmProvision(invalid.client, {
        app_id: APP_HEX,
        compose_hash: COMPOSE_HASH,
      }).catch((e: unknown) => e),
    ).toBeInstanceOf(UnprocessableEntityError);
  });

  it("accepts status values the SDK does not know yet", async () => {
    const { client } = setup({ body: refreshResult({ status: "quarantined", source: "oracle" }) });
    const result = await refreshCvmInstanceId(client, { id: "cvm_1" });
    expect(result.status).toBe("quarantined");
  });
});

describe("renameCvm", () => {
  it("PATCHes /cvms/{cvm_id}/name with { name }; the 204 resolves undefined", async () => {
    const { fake, client } = setup({ status: 204, raw: null });
    await expect(renameCvm(client, { id: " cvm_ykL5lbAn ", name: "web-01" })).resolves.toBe(
      undefined,
    );
    expect(fake.calls[0]).toMatchObject({
      method: "PATCH",
      url: `${TEST_BASE_URL}/cvms/cvm_ykL5lbAn/name`,
      body: { name: "web-01" },
    });
    expect(fake.calls[0]!.headers["content-type"]).toBe("application/json");
  });

  it.each(["abcde", "a".repeat(63), "Web-2", "a1-b2-c3"])("accepts the name %j", async (name) => {
    const { fake, client } = setup({ status: 204, raw: null });
    await renameCvm(client, { id: "cvm_1", name });
    expect(fake.calls[0]!.body).toEqual({ name });
  });

  it.each([
    ["abcd", "5 to 63"],
    ["a".repeat(64), "5 to 63"],
    ["1abcde", "letter first"],
    ["-abcde", "letter first"],
    ["web_01", "letters, digits and hyphens"],
    ["web 01", "letters, digits and hyphens"],
    ["wéb-01", "letters, digits and hyphens"],
    ["web-01-", "end with a hyphen"],
    ["", "non-empty"],
  ])("refuses the name %j before sending", async (name, message) => {
    const { fake, client } = setup({ status: 204, raw: null });
    const result = await safeRenameCvm(client, { id: "cvm_1", name });
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect((result.error as RequestValidationError).issues[0]).toMatchObject({ path: "name" });
    expect((result.error as RequestValidationError).issues[0]!.message).toContain(message);
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    ["a UUID", { id: VM_UUID }, "id"],
    ["a bare UUID", { id: UUID_HEX }, "id"],
    ["an app id", { id: `app_${APP_HEX}` }, "id"],
    ["a bare app id", { id: APP_HEX }, "id"],
    ["an instance id", { id: "instance_abc" }, "id"],
    ["a name", { id: "price-oracle" }, "id"],
    ["a dashed form", { id: "cvm-abc123" }, "id"],
    ["an empty id", { id: "" }, "id"],
    ["uuid instead of id", { uuid: VM_UUID }, "id"],
    ["app_id beside id", { id: "cvm_1", app_id: APP_HEX }, "app_id"],
  ])("refuses %s: the API renames by the cvm_... hashid only", async (_label, idArgs, path) => {
    const { fake, client } = setup({ status: 204, raw: null });
    const result = await safeRenameCvm(client, { ...idArgs, name: "web-01" } as never);
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe(path);
    expect(fake.calls).toHaveLength(0);
  });

  it("a name already used in the workspace is a BadRequestError", async () => {
    const detail = 'CVM name "web-01" is already in use in this workspace';
    const { client } = setup({ status: 400, body: { detail } });
    const error = await renameCvm(client, { id: "cvm_1", name: "web-01" }).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, endpoint: "renameCvm", body: { detail } });
    expect((error as Error).message).toContain("already in use");
    const safe = await safeRenameCvm(client, { id: "cvm_1", name: "web-01" });
    expect(safe).toMatchObject({ success: false });
    expect(safe.error).toBeInstanceOf(BadRequestError);
  });

  it("is not retried: renaming twice is not safe to repeat", async () => {
    const { fake, client } = setup({ status: 503, body: { detail: "busy" } });
    await expect(renameCvm(client, { id: "cvm_1", name: "web-01" })).rejects.toBeInstanceOf(Error);
    expect(fake.calls).toHaveLength(1);
  });
});

describe("the VM record's id by version", () => {
  const hashid = "cvm_ykL5lbAn";

  it("a 2026-05-22 client takes the cvm_... id and a usr_... user_id", async () => {
    const { fake, client } = setup(
      { body: vm({ id: hashid, user_id: "usr_abc123" }) },
      "2026-05-22",
    );
    const started = await startCvm(client, { id: hashid });
    expect(started).toMatchObject({ id: hashid, user_id: "usr_abc123" });
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-05-22");
  });

  it.each(["startCvm", "commitCvmProvision"] as const)(
    "%s: a 2026-05-22 client rejects a numeric id",
    async (name) => {
      const { client } = setup({ body: vm({ id: 0 }) }, "2026-05-22");
      const call =
        name === "startCvm"
          ? startCvm(client, { id: hashid })
          : commitCvmProvision(client, { app_id: APP_HEX, compose_hash: COMPOSE_HASH });
      const error = await call.catch((e) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect(error).toMatchObject({ endpoint: name, apiVersion: "2026-05-22" });
      expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toContain("id");
    },
  );

  it("a 2026-01-21 client accepts the placeholder 0, and rejects a hashid", async () => {
    const { client } = setup({ body: vm({ id: 0 }) }, "2026-01-21");
    await expect(startCvm(client, { id: hashid })).resolves.toMatchObject({ id: 0 });
    await expect(
      commitCvmProvision(client, { app_id: APP_HEX, compose_hash: COMPOSE_HASH }),
    ).resolves.toMatchObject({ id: 0 });
    const hashids = setup({ body: vm({ id: hashid }) }, "2026-01-21");
    await expect(startCvm(hashids.client, { id: hashid })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it("2026-06-23 and LATEST answer as 2026-05-22, and send their date", async () => {
    for (const version of ["2026-06-23", "LATEST"] as const) {
      const { fake, client } = setup({ body: vm({ id: hashid }) }, version);
      await expect(stopCvm(client, { id: hashid })).resolves.toMatchObject({ id: hashid });
      expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-06-23");
    }
  });

  it("a per-call version chooses the schema for that call", async () => {
    const { client } = setup({ body: vm({ id: hashid }) });
    await expect(
      restartCvm(client, { id: hashid }, { version: "2026-05-22" }),
    ).resolves.toMatchObject({ id: hashid });
    await expect(restartCvm(client, { id: hashid })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it("replicateCvm and refreshCvmInstanceId follow the version too", async () => {
    const replica = setup({ status: 201, body: vm({ id: hashid }) }, "2026-05-22");
    await expect(replicateCvm(replica.client, { id: hashid })).resolves.toMatchObject({
      id: hashid,
    });
    const refreshed = setup({ body: refreshResult({ cvm_id: hashid }) }, "2026-05-22");
    await expect(refreshCvmInstanceId(refreshed.client, { id: hashid })).resolves.toMatchObject({
      cvm_id: hashid,
    });
    const numeric = setup({ body: refreshResult({ cvm_id: 0 }) }, "2026-05-22");
    await expect(refreshCvmInstanceId(numeric.client, { id: hashid })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });
});
