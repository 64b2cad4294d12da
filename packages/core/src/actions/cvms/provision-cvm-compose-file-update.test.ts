import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { invalid, setup } from "./cvms.test-support";
import { APP, HASH, KMS_INFO, YAML } from "./fixtures.test-support";
import {
  provisionCvmComposeFileUpdate,
  safeProvisionCvmComposeFileUpdate,
} from "./provision-cvm-compose-file-update";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

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
