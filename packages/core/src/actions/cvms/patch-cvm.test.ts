import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_BASE_URL } from "../../test-utils";
import { invalid, setup } from "./cvms.test-support";
import { expectedRegistration, registrationRequiredBody, YAML } from "./fixtures.test-support";
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
