import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { ConflictError, ResponseValidationError } from "../../errors";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import { invalid, setup } from "./cvms.test-support";
import {
  APP,
  expectedRegistration,
  HASH,
  registrationRequiredBody,
  TX,
} from "./fixtures.test-support";
import { safeUpdateCvmEnvs, updateCvmEnvs } from "./update-cvm-envs";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

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
