import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { ConflictError, RequestValidationError, ResponseValidationError } from "../../errors";
import { type FakeReply, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import {
  commitCvmComposeFileUpdate,
  commitCvmUpdate,
  confirmCvmPatch,
  patchCvm,
  provisionCvmComposeFileUpdate,
  safeCommitCvmComposeFileUpdate,
  safeCommitCvmUpdate,
  safeConfirmCvmPatch,
  safePatchCvm,
  safeProvisionCvmComposeFileUpdate,
  safeUpdateCvmEnvs,
  safeUpdateDockerCompose,
  safeUpdatePreLaunchScript,
  updateCvmEnvs,
  updateDockerCompose,
  updatePreLaunchScript,
} from "./index";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

function setup(reply: FakeReply = { body: {} }) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
  });
  return { fake, client };
}

const HASH = "a".repeat(64);
const TX = `0x${"b".repeat(64)}`;
const APP = "e5a0c70bb6503de2d31c11d85914fe3776ed5b33";
const YAML = "services:\n  web:\n    image: nginx:1.27\n";
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

/** The API's 465 body: its structured error under FastAPI's `detail`. */
function registrationRequiredBody(extra: { field: string; value: unknown }[] = []) {
  return {
    detail: {
      error_code: "ERR-01-005",
      message: "Compose hash registration required on-chain",
      details: [
        { field: "compose_hash", value: HASH, message: null },
        { field: "app_id", value: `0x${APP}`, message: null },
        { field: "device_id", value: "d".repeat(64), message: null },
        { field: "kms_info", value: KMS_INFO, message: null },
        ...extra.map((item) => ({ ...item, message: null })),
      ],
      suggestions: ["Register the compose hash on-chain"],
      links: [],
    },
  };
}

const expectedRegistration = {
  status: "precondition_required",
  message: "Compose hash registration required on-chain",
  error_code: "ERR-01-005",
  compose_hash: HASH,
  app_id: `0x${APP}`,
  device_id: "d".repeat(64),
  kms_info: KMS_INFO,
  commit_token: null,
  commit_url: null,
  api_commit_url: null,
  onchain_status: null,
};

async function invalid(promise: Promise<unknown>, endpoint: string, field: string) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RequestValidationError);
  expect((error as RequestValidationError).endpoint).toBe(endpoint);
  expect((error as RequestValidationError).issues.map((i) => i.path)).toContain(field);
}

describe("provisionCvmComposeFileUpdate", () => {
  const body = {
    app_id: APP,
    device_id: "d".repeat(64),
    compose_hash: HASH,
    kms_info: KMS_INFO,
    compose_hash_registered: false,
    compose_unchanged: false,
  };

  it("POSTs the app compose with update_env_vars to /compose_file/provision", async () => {
    const { fake, client } = setup({ body });
    const result = await provisionCvmComposeFileUpdate(client, {
      id: "cvm_1",
      app_compose: { name: "oracle", docker_compose_file: YAML, allowed_envs: ["KEY"] },
      update_env_vars: true,
    });
    const call = fake.calls[0]!;
    expect(call.method).toBe("POST");
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1/compose_file/provision`);
    expect(call.headers["content-type"]).toBe("application/json");
    expect(call.body).toEqual({
      name: "oracle",
      docker_compose_file: YAML,
      allowed_envs: ["KEY"],
      update_env_vars: true,
    });
    expect(result).toEqual(body);
  });

  it("refuses a missing app compose or compose text", async () => {
    const { fake, client } = setup({ body });
    await invalid(
      provisionCvmComposeFileUpdate(client, { id: "cvm_1" } as any),
      "provisionCvmComposeFileUpdate",
      "app_compose",
    );
    await invalid(
      provisionCvmComposeFileUpdate(client, { id: "cvm_1", app_compose: {} } as any),
      "provisionCvmComposeFileUpdate",
      "app_compose.docker_compose_file",
    );
    expect(fake.calls).toHaveLength(0);
  });

  it("refuses an answer without compose_hash", async () => {
    const { client } = setup({ body: { app_id: APP } });
    const call = provisionCvmComposeFileUpdate(client, {
      id: "cvm_1",
      app_compose: { docker_compose_file: YAML },
    });
    await expect(call).rejects.toBeInstanceOf(ResponseValidationError);
    const safeResult = await safeProvisionCvmComposeFileUpdate(client, {
      id: "cvm_1",
      app_compose: { docker_compose_file: YAML },
    });
    expect(safeResult.success).toBe(false);
  });
});

describe("commitCvmComposeFileUpdate", () => {
  it("PATCHes /compose_file and turns the empty 202 into { status: 'accepted' }", async () => {
    const { fake, client } = setup({ status: 202, raw: null });
    const result = await commitCvmComposeFileUpdate(client, {
      app_id: APP,
      compose_hash: HASH,
      encrypted_env: "00ff",
      env_keys: ["KEY"],
    });
    const call = fake.calls[0]!;
    expect(call.method).toBe("PATCH");
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/app_${APP}/compose_file`);
    expect(call.body).toEqual({ compose_hash: HASH, encrypted_env: "00ff", env_keys: ["KEY"] });
    expect(call.headers["x-transaction-hash"]).toBeUndefined();
    expect(result).toEqual({ status: "accepted", correlation_id: null });
  });

  it("sends the registration proof as headers, not in the body", async () => {
    const { fake, client } = setup({ status: 202, body: { correlation_id: "op_1" } });
    const result = await commitCvmComposeFileUpdate(client, {
      id: "cvm_1",
      compose_hash: HASH,
      transaction_hash: TX,
    });
    expect(fake.calls[0]!.headers["x-compose-hash"]).toBe(HASH);
    expect(fake.calls[0]!.headers["x-transaction-hash"]).toBe(TX);
    expect(fake.calls[0]!.body).toEqual({ compose_hash: HASH });
    expect(result).toEqual({ status: "accepted", correlation_id: "op_1" });
  });

  it("returns a 465 as precondition_required", async () => {
    const { client } = setup({ status: 465, body: registrationRequiredBody() });
    const result = await commitCvmComposeFileUpdate(client, { id: "cvm_1", compose_hash: HASH });
    expect(result).toEqual(expectedRegistration);
    const safeResult = await safeCommitCvmComposeFileUpdate(client, {
      id: "cvm_1",
      compose_hash: HASH,
    });
    expect(safeResult).toEqual({ success: true, data: expectedRegistration });
  });

  it("refuses a malformed compose or transaction hash", async () => {
    const { fake, client } = setup();
    await invalid(
      commitCvmComposeFileUpdate(client, { id: "cvm_1", compose_hash: "abc" }),
      "commitCvmComposeFileUpdate",
      "compose_hash",
    );
    await invalid(
      commitCvmComposeFileUpdate(client, {
        id: "cvm_1",
        compose_hash: HASH,
        transaction_hash: HASH,
      }),
      "commitCvmComposeFileUpdate",
      "transaction_hash",
    );
    expect(fake.calls).toHaveLength(0);
  });
});

describe("updateCvmEnvs", () => {
  const inProgress = {
    status: "in_progress",
    message: "Environment variables update in progress",
    correlation_id: "op_7",
    allowed_envs_changed: true,
  };

  it("PATCHes /envs with a JSON body", async () => {
    const { fake, client } = setup({ body: inProgress });
    const result = await updateCvmEnvs(client, {
      id: "cvm_1",
      encrypted_env: "00ff",
      env_keys: ["A", "B"],
    });
    const call = fake.calls[0]!;
    expect(call.method).toBe("PATCH");
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1/envs`);
    expect(call.body).toEqual({ encrypted_env: "00ff", env_keys: ["A", "B"] });
    expect(result).toEqual(inProgress);
  });

  it("returns the 465 as a typed result and sends the proof in the body next time", async () => {
    const fake = fakeFetch((_call, index) =>
      index === 0 ? { status: 465, body: registrationRequiredBody() } : { body: inProgress },
    );
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const first = await updateCvmEnvs(client, {
      id: "cvm_1",
      encrypted_env: "00",
      env_keys: ["A"],
    });
    expect(first).toEqual(expectedRegistration);
    if (first.status !== "precondition_required") throw new Error("expected a 465 result");
    const second = await updateCvmEnvs(client, {
      id: "cvm_1",
      encrypted_env: "00",
      env_keys: ["A"],
      compose_hash: first.compose_hash,
      transaction_hash: TX,
    });
    expect(fake.calls[1]!.body).toEqual({
      encrypted_env: "00",
      env_keys: ["A"],
      compose_hash: HASH,
      transaction_hash: TX,
    });
    expect(second.status).toBe("in_progress");
  });

  it("reads the legacy flat 465 body too", async () => {
    const flat = {
      detail: { message: "need hash", compose_hash: HASH, app_id: APP, device_id: "d" },
    };
    const result = await updateCvmEnvs(setup({ status: 465, body: flat }).client, {
      id: "cvm_1",
      encrypted_env: "00",
    });
    expect(result).toMatchObject({
      status: "precondition_required",
      compose_hash: HASH,
      app_id: APP,
    });
  });

  it("a 465 without a compose hash is a validation error, not data", async () => {
    const { client } = setup({ status: 465, body: { detail: { message: "?" } } });
    await expect(
      updateCvmEnvs(client, { id: "cvm_1", encrypted_env: "00" }),
    ).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it("other errors still throw", async () => {
    const { client } = setup({
      status: 409,
      body: { detail: { error_code: "ERR-01-006", message: "x" } },
    });
    await expect(
      updateCvmEnvs(client, { id: "cvm_1", encrypted_env: "00" }),
    ).rejects.toBeInstanceOf(ConflictError);
    const safeResult = await safeUpdateCvmEnvs(client, { id: "cvm_1", encrypted_env: "00" });
    expect(safeResult.success).toBe(false);
  });

  it("refuses missing encrypted_env, bad env_keys, unknown keys", async () => {
    const { fake, client } = setup();
    await invalid(updateCvmEnvs(client, { id: "cvm_1" } as any), "updateCvmEnvs", "encrypted_env");
    await invalid(
      updateCvmEnvs(client, { id: "cvm_1", encrypted_env: "0", env_keys: "A" } as any),
      "updateCvmEnvs",
      "env_keys",
    );
    await invalid(
      updateCvmEnvs(client, { id: "cvm_1", encrypted_env: "0", envKeys: ["A"] } as any),
      "updateCvmEnvs",
      "envKeys",
    );
    expect(fake.calls).toHaveLength(0);
  });
});

describe.each([
  [
    "updateDockerCompose",
    updateDockerCompose,
    safeUpdateDockerCompose,
    "docker_compose_file",
    "/docker-compose",
    "text/yaml",
  ],
  [
    "updatePreLaunchScript",
    updatePreLaunchScript,
    safeUpdatePreLaunchScript,
    "pre_launch_script",
    "/pre-launch-script",
    "text/plain",
  ],
] as const)("%s", (name, action, safeAction, field, suffix, _contentType) => {
  const call = (client: any, extra: Record<string, unknown> = {}) =>
    (action as any)(client, { id: "cvm_1", [field]: YAML, ...extra });

  it(`PATCHes ${suffix} with the file as the body`, async () => {
    const body = {
      status: "in_progress",
      message: "Update in progress",
      correlation_id: "op_2",
      allowed_envs_changed: null,
    };
    const { fake, client } = setup({ status: 202, body });
    const result = await call(client);
    const sent = fake.calls[0]!;
    expect(sent.method).toBe("PATCH");
    expect(sent.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1${suffix}`);
    expect(sent.body).toBe(YAML);
    expect(sent.headers["x-compose-hash"]).toBeUndefined();
    expect(result).toEqual(body);
  });

  it("sends compose_hash and transaction_hash as X-Compose-Hash / X-Transaction-Hash", async () => {
    const { fake, client } = setup({ status: 202, body: { status: "in_progress" } });
    await call(client, { compose_hash: HASH, transaction_hash: TX });
    expect(fake.calls[0]!.headers["x-compose-hash"]).toBe(HASH);
    expect(fake.calls[0]!.headers["x-transaction-hash"]).toBe(TX);
    expect(fake.calls[0]!.body).toBe(YAML);
  });

  it("returns no_change and precondition_required as results", async () => {
    const noChange = { status: "no_change", message: "unchanged" };
    expect(await call(setup({ body: noChange }).client)).toEqual(noChange);
    expect(await call(setup({ status: 465, body: registrationRequiredBody() }).client)).toEqual(
      expectedRegistration,
    );
    const safeResult = await (safeAction as any)(setup({ body: noChange }).client, {
      id: "cvm_1",
      [field]: YAML,
    });
    expect(safeResult).toEqual({ success: true, data: noChange });
  });

  it("refuses a missing file or a bad transaction hash", async () => {
    const { fake, client } = setup();
    await invalid((action as any)(client, { id: "cvm_1" }), name, field);
    await invalid(call(client, { transaction_hash: "0x12" }), name, "transaction_hash");
    expect(fake.calls).toHaveLength(0);
  });
});

describe("patchCvm", () => {
  it("PATCHes /cvms/{id} with only the given fields; 202 becomes accepted", async () => {
    const { fake, client } = setup({ status: 202, body: { correlation_id: "op_3" } });
    const result = await patchCvm(client, {
      id: "cvm_1",
      vcpu: 4,
      memory: 8192,
      public_logs: false,
    });
    const call = fake.calls[0]!;
    expect(call.method).toBe("PATCH");
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1`);
    expect(call.body).toEqual({ vcpu: 4, memory: 8192, public_logs: false });
    expect(call.headers["x-prepare-only"]).toBeUndefined();
    expect(result).toEqual({ status: "accepted", correlation_id: "op_3" });
  });

  it("sends GPUs as the API's GpuConfig: { gpus: [{ slot, product_id? }], attach_mode }", async () => {
    const { fake, client } = setup({ status: 202, body: { correlation_id: "op_8" } });
    const gpus = {
      gpus: [{ slot: "0000:18:00.0", product_id: "nvidia-h200" }, { slot: "0000:2a:00.0" }],
      attach_mode: "listed" as const,
    };
    await patchCvm(client, { id: "cvm_1", gpus, allow_restart: true });
    expect(fake.calls[0]!.body).toEqual({ gpus, allow_restart: true });
    await patchCvm(client, { id: "cvm_1", gpus: { gpus: [], attach_mode: "all" } });
    expect(fake.calls[1]!.body).toEqual({ gpus: { gpus: [], attach_mode: "all" } });
  });

  it("takes every field of UpdateCvmRequest, and instance_type / allow_restart", async () => {
    const { fake, client } = setup({ status: 202, body: { correlation_id: "op_9" } });
    const fields = {
      docker_compose_file: YAML,
      pre_launch_script: "#!/bin/sh\n",
      allowed_envs: ["A"],
      public_logs: true,
      public_sysinfo: true,
      public_tcbinfo: false,
      encrypted_env: "00ff",
      user_config: "{}",
      gpus: { gpus: [{ slot: "0000:18:00.0" }] },
      vcpu: 2,
      memory: 4096,
      disk_size: 40,
      instance_type: "tdx.medium",
      allow_restart: true,
      image: "dstack-0.5.4",
      shutdown_timeout: 10,
      allow_force_stop: false,
    };
    await patchCvm(client, { id: "cvm_1", ...fields });
    expect(fake.calls[0]!.body).toEqual(fields);
  });

  it.each([
    [{ gpus: { gpus: [{}] } }, "gpus.gpus.0.slot"],
    [{ gpus: { gpus: [{ slot: "s", product_id: 7 }] } }, "gpus.gpus.0.product_id"],
    [{ gpus: { gpus: [{ slot: "s" }], attach_mode: "some" } }, "gpus.attach_mode"],
    [{ gpus: { gpus: "0000:18:00.0" } }, "gpus.gpus"],
    [{ gpus: { count: 1, product_name: "H200" } }, "gpus.count"],
  ])("refuses the GPU request %j", async (fields, path) => {
    const { fake, client } = setup();
    await invalid(patchCvm(client, { id: "cvm_1", ...(fields as any) }), "patchCvm", path);
    expect(fake.calls).toHaveLength(0);
  });

  it("prepareOnly sends X-Prepare-Only and returns the commit token", async () => {
    const extra = [
      { field: "commit_token", value: "ct_1" },
      { field: "commit_url", value: "https://cloud.example/commit?token=ct_1" },
      { field: "api_commit_url", value: "https://api.example/cvms/cvm_1/commit-update" },
      {
        field: "onchain_status",
        value: { compose_hash_allowed: false, device_id_allowed: true, is_allowed: false },
      },
    ];
    const { fake, client } = setup({ status: 465, body: registrationRequiredBody(extra) });
    const result = await patchCvm(client, {
      id: "cvm_1",
      docker_compose_file: YAML,
      prepareOnly: true,
    });
    expect(fake.calls[0]!.headers["x-prepare-only"]).toBe("true");
    expect(fake.calls[0]!.body).toEqual({ docker_compose_file: YAML });
    expect(result).toEqual({
      ...expectedRegistration,
      commit_token: "ct_1",
      commit_url: "https://cloud.example/commit?token=ct_1",
      api_commit_url: "https://api.example/cvms/cvm_1/commit-update",
      onchain_status: { compose_hash_allowed: false, device_id_allowed: true, is_allowed: false },
    });
  });

  it("refuses no fields, wrong types and unknown fields", async () => {
    const { fake, client } = setup();
    await invalid(patchCvm(client, { id: "cvm_1" }), "patchCvm", "");
    await invalid(patchCvm(client, { id: "cvm_1", vcpu: 0 }), "patchCvm", "vcpu");
    await invalid(
      patchCvm(client, { id: "cvm_1", gpus: { count: 1 } } as any),
      "patchCvm",
      "gpus.gpus",
    );
    await invalid(
      patchCvm(client, { id: "cvm_1", shutdown_timeout: 5 }),
      "patchCvm",
      "shutdown_timeout",
    );
    await invalid(
      patchCvm(client, { id: "cvm_1", shutdown_timeout: 1201 }),
      "patchCvm",
      "shutdown_timeout",
    );
    await invalid(
      patchCvm(client, { id: "cvm_1", dockerCompose: "x" } as any),
      "patchCvm",
      "dockerCompose",
    );
    expect(fake.calls).toHaveLength(0);
    expect((await safePatchCvm(client, { id: "cvm_1" })).success).toBe(false);
  });
});

describe("confirmCvmPatch", () => {
  it("PATCHes /cvms/{id} with an empty JSON body (the operation requires one) and the two headers", async () => {
    const { fake, client } = setup({ status: 202, body: { correlation_id: "op_4" } });
    const result = await confirmCvmPatch(client, {
      id: "cvm_1",
      composeHash: HASH,
      transactionHash: TX,
    });
    const call = fake.calls[0]!;
    expect(call.method).toBe("PATCH");
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1`);
    expect(call.body).toEqual({});
    expect(call.headers["content-type"]).toBe("application/json");
    expect(call.headers["x-compose-hash"]).toBe(HASH);
    expect(call.headers["x-transaction-hash"]).toBe(TX);
    expect(result).toEqual({ status: "accepted", correlation_id: "op_4" });
    const safeResult = await safeConfirmCvmPatch(client, {
      id: "cvm_1",
      composeHash: HASH,
      transactionHash: TX,
    });
    expect(safeResult.success).toBe(true);
  });

  it("refuses missing or malformed hashes", async () => {
    const { fake, client } = setup();
    await invalid(
      confirmCvmPatch(client, { id: "cvm_1", composeHash: HASH } as any),
      "confirmCvmPatch",
      "transactionHash",
    );
    await invalid(
      confirmCvmPatch(client, { id: "cvm_1", composeHash: "zz", transactionHash: TX }),
      "confirmCvmPatch",
      "composeHash",
    );
    expect(fake.calls).toHaveLength(0);
  });
});

describe("commitCvmUpdate", () => {
  it("POSTs token, compose_hash and transaction_hash to /commit-update", async () => {
    const { fake, client } = setup({ body: { status: "in_progress", correlation_id: "op_5" } });
    const result = await commitCvmUpdate(client, {
      id: "cvm_1",
      token: "ct_1",
      composeHash: HASH,
      transactionHash: TX,
    });
    const call = fake.calls[0]!;
    expect(call.method).toBe("POST");
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1/commit-update`);
    expect(call.body).toEqual({ token: "ct_1", compose_hash: HASH, transaction_hash: TX });
    expect(result).toEqual({ status: "in_progress", correlation_id: "op_5" });
  });

  it("refuses a missing token, sending nothing", async () => {
    const { fake, client } = setup();
    await invalid(
      commitCvmUpdate(client, { id: "cvm_1", composeHash: HASH, transactionHash: TX } as any),
      "commitCvmUpdate",
      "token",
    );
    expect(fake.calls).toHaveLength(0);
    const safeResult = await safeCommitCvmUpdate(client, { id: "cvm_1" } as any);
    expect(safeResult.success).toBe(false);
  });
});
