import { API_VERSIONS } from "@phala/cloud-schemas";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import { invalid, setup } from "./cvms.test-support";
import {
  APP,
  expectedRegistration,
  HASH,
  KMS_INFO,
  registrationRequiredBody,
  YAML,
} from "./fixtures.test-support";
import { patchCvm, safePatchCvm } from "./patch-cvm";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

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

describe("patchCvm: the official SDK's documented fields, beside the API's", () => {
  const commitFields = [
    { field: "commit_token", value: "ct_1" },
    { field: "commit_url", value: "https://cloud.example/commit?token=ct_1" },
    { field: "api_commit_url", value: "https://api.example/cvms/cvm_1/commit-update" },
    {
      field: "onchain_status",
      value: { compose_hash_allowed: false, device_id_allowed: true, is_allowed: false },
    },
  ];

  it("accepted: requiresOnChainHash false and correlationId", async () => {
    const { client } = setup({ status: 202, body: { correlation_id: "op_3" } });
    const result = await patchCvm(client, { id: "cvm_1", vcpu: 4 });
    expect(result.requiresOnChainHash).toBe(false);
    if (result.requiresOnChainHash) throw new Error("expected the accepted branch");
    expect(result.correlationId).toBe("op_3");
    expect(result.correlation_id).toBe("op_3");
    expect("composeHash" in result).toBe(false);
  });

  it("465: requiresOnChainHash true, each 465 field in camelCase, kmsInfo with its chain", async () => {
    const { client } = setup({ status: 465, body: registrationRequiredBody(commitFields) });
    const result = await patchCvm(client, {
      id: "cvm_1",
      docker_compose_file: YAML,
      prepareOnly: true,
    });
    expect(result.requiresOnChainHash).toBe(true);
    if (!result.requiresOnChainHash) throw new Error("expected the 465 branch");
    expect(result.composeHash).toBe(HASH);
    expect(result.appId).toBe(`0x${APP}`);
    expect(result.deviceId).toBe("d".repeat(64));
    expect(result.commitToken).toBe("ct_1");
    expect(result.commitUrl).toBe("https://cloud.example/commit?token=ct_1");
    expect(result.apiCommitUrl).toBe("https://api.example/cvms/cvm_1/commit-update");
    expect(result.onchainStatus).toEqual({
      compose_hash_allowed: false,
      device_id_allowed: true,
      is_allowed: false,
    });
    // The same object under both names, with the chain of its chain_id (Base).
    expect(result.kmsInfo).toBe(result.kms_info);
    expect(result.kmsInfo).toEqual(KMS_INFO);
    expect(result.kmsInfo?.chain).toEqual({
      id: 8453,
      name: "Base",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: ["https://mainnet.base.org"] } },
    });
    expect(result.kmsInfo?.kms_contract_address).toBe(KMS_INFO.kms_contract_address);
    expect("correlationId" in result).toBe(false);
  });

  it("absent 465 fields are null under both names", async () => {
    const { client } = setup({ status: 465, body: registrationRequiredBody() });
    const result = await patchCvm(client, { id: "cvm_1", docker_compose_file: YAML });
    if (!result.requiresOnChainHash) throw new Error("expected the 465 branch");
    expect(result.commitToken).toBeNull();
    expect(result.commitUrl).toBeNull();
    expect(result.apiCommitUrl).toBeNull();
    expect(result.onchainStatus).toBeNull();
  });

  it("adds nothing the JSON, a spread or equality would see", async () => {
    const { client } = setup({ status: 465, body: registrationRequiredBody(commitFields) });
    const result = await patchCvm(client, { id: "cvm_1", docker_compose_file: YAML });
    const asSent = JSON.parse(JSON.stringify(result));
    expect(Object.keys(asSent)).toEqual(Object.keys(result));
    expect(asSent).not.toHaveProperty("requiresOnChainHash");
    expect(asSent).not.toHaveProperty("composeHash");
    expect(asSent.kms_info).not.toHaveProperty("chain");
    expect(result).toStrictEqual(asSent);
    expect({ ...result }).not.toHaveProperty("requiresOnChainHash");
    if (result.status !== "precondition_required") throw new Error("expected the 465 branch");
    expect(Object.keys(result.kms_info ?? {})).toEqual(Object.keys(KMS_INFO));
    const accepted = await patchCvm(
      setup({ status: 202, body: { correlation_id: "op_1" } }).client,
      {
        id: "cvm_1",
        vcpu: 2,
      },
    );
    expect(accepted).toStrictEqual({ status: "accepted", correlation_id: "op_1" });
    expect(JSON.stringify(accepted)).toBe('{"status":"accepted","correlation_id":"op_1"}');
  });

  it("is on every version's result, the safe twin's and the bound method's", async () => {
    for (const version of API_VERSIONS) {
      const { client } = setup({ status: 465, body: registrationRequiredBody() }, version);
      const result = await patchCvm(client, { id: "cvm_1", docker_compose_file: YAML });
      expect(result.requiresOnChainHash, version).toBe(true);
      expect(result.requiresOnChainHash && result.kmsInfo?.chain?.id, version).toBe(8453);
    }
    const { client } = setup({ status: 202, body: { correlation_id: "op_7" } });
    const safe = await safePatchCvm(client, { id: "cvm_1", vcpu: 2 });
    expect(safe.success && !safe.data.requiresOnChainHash && safe.data.correlationId).toBe("op_7");
    const bound = client.extend({ patchCvm });
    const viaMethod = await bound.patchCvm({ id: "cvm_1", vcpu: 2 });
    expect(viaMethod.requiresOnChainHash).toBe(false);
  });

  it("is not added when the caller's schema (or none) was used: the result is theirs", async () => {
    const { client } = setup({ status: 465, body: registrationRequiredBody() });
    const raw = (await patchCvm(
      client,
      { id: "cvm_1", docker_compose_file: YAML },
      { schema: false },
    )) as Record<string, unknown>;
    expect(raw.status).toBe("precondition_required");
    expect("requiresOnChainHash" in raw).toBe(false);
    expect("composeHash" in raw).toBe(false);
    expect("chain" in (raw.kms_info as object)).toBe(false);
    const passThrough: StandardSchemaV1<unknown, Record<string, unknown>> = {
      "~standard": {
        version: 1,
        vendor: "test",
        validate: (value) => ({ value: value as Record<string, unknown> }),
      },
    };
    const own = await patchCvm(
      client,
      { id: "cvm_1", docker_compose_file: YAML },
      { schema: passThrough },
    );
    expect("requiresOnChainHash" in own).toBe(false);
  });

  it("a client that skips validation still gets them, from the shaped answer", async () => {
    const fake = fakeFetch({ status: 465, body: registrationRequiredBody() });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      validateResponses: false,
    });
    const result = await patchCvm(client, { id: "cvm_1", docker_compose_file: YAML });
    expect(result.requiresOnChainHash && result.composeHash).toBe(HASH);
    expect(result.requiresOnChainHash && result.kmsInfo?.chain?.id).toBe(8453);
  });

  it("kmsInfo.chain is undefined for an unknown chain id, and a null kms_info stays null", async () => {
    const withKms = (value: unknown) => {
      const body = registrationRequiredBody();
      const detail = body.detail.details.find((item) => item.field === "kms_info")!;
      (detail as { value: unknown }).value = value;
      return body;
    };
    const unknownChain = await patchCvm(
      setup({ status: 465, body: withKms({ ...KMS_INFO, chain_id: 424242 }) }).client,
      { id: "cvm_1", docker_compose_file: YAML },
    );
    if (!unknownChain.requiresOnChainHash) throw new Error("expected the 465 branch");
    expect(unknownChain.kmsInfo).not.toBeNull();
    expect(unknownChain.kmsInfo?.chain).toBeUndefined();
    expect(Object.hasOwn(unknownChain.kmsInfo!, "chain")).toBe(true);
    const noKms = await patchCvm(setup({ status: 465, body: withKms(null) }).client, {
      id: "cvm_1",
      docker_compose_file: YAML,
    });
    if (!noKms.requiresOnChainHash) throw new Error("expected the 465 branch");
    expect(noKms.kmsInfo).toBeNull();
    expect(noKms.kms_info).toBeNull();
  });
});
