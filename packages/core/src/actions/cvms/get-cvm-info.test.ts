import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PhalaCloudError, RequestValidationError } from "../../errors";
import { APP_HEX, cvmDetailV20260121, TEST_BASE_URL, VM_UUID } from "../../test-utils";
import { setup } from "./cvms.test-support";
import { getCvmInfo } from "./get-cvm-info";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("request URLs", () => {
  it.each([
    [{ id: VM_UUID }, "bf1b6f57147045319ad922013366635b"],
    [{ id: VM_UUID.toUpperCase() }, "bf1b6f57147045319ad922013366635b"],
    [{ uuid: VM_UUID }, "bf1b6f57147045319ad922013366635b"],
    [{ id: APP_HEX }, `app_${APP_HEX}`],
    [{ app_id: `0x${APP_HEX.toUpperCase()}` }, `app_${APP_HEX}`],
    [{ app_id: `app_${APP_HEX}` }, `app_${APP_HEX}`],
    [{ id: "cvm_9xK2mQ7tLp" }, "cvm_9xK2mQ7tLp"],
    [{ instance_id: "4f2a" }, "instance_4f2a"],
    [{ name: "price-oracle" }, "price-oracle"],
    [{ name: "my oracle/v2" }, "my%20oracle%2Fv2"],
  ])("getCvmInfo(%j) requests /cvms/%s", async (args, segment) => {
    const { fake, client } = setup({ body: cvmDetailV20260121() });
    await getCvmInfo(client, args as any);
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/${segment}`);
  });
});

describe("request validation (nothing is sent)", () => {
  async function expectInvalid(promise: Promise<unknown>, endpoint: string, field: string) {
    const error = await promise.then(
      () => {
        throw new Error("expected a RequestValidationError");
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    const e = error as RequestValidationError;
    expect(e.name).toBe("RequestValidationError");
    expect(e.endpoint).toBe(endpoint);
    expect(e.issues.map((i) => i.path)).toContain(field);
    expect(e.message).toContain(endpoint);
    if (field) expect(e.message).toContain(field);
    return e;
  }

  it.each([
    ["no id", {}, "id"],
    ["undefined args", undefined, "id"],
    ["two ids", { id: "cvm_1", name: "oracle" }, "id|name"],
    ["an empty id", { id: "  " }, "id"],
    ["a non-string uuid", { uuid: 42 }, "uuid"],
    ["a malformed uuid", { uuid: "invalid-uuid" }, "uuid"],
    ["a malformed app_id", { app_id: "oracle" }, "app_id"],
  ])("getCvmInfo refuses %s", async (_label, args, field) => {
    const { fake, client } = setup({ body: cvmDetailV20260121() });
    await expectInvalid(getCvmInfo(client, args as any), "getCvmInfo", field);
    expect(fake.calls).toHaveLength(0);
  });
});
