import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BadRequestError, RequestValidationError } from "../../errors";
import { APP_HEX, TEST_BASE_URL, VM_UUID } from "../../test-utils";
import { describeActionCall, setup } from "./cvms.test-support";
import { UUID_HEX } from "./fixtures.test-support";
import { renameCvm, safeRenameCvm } from "./rename-cvm";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "renameCvm",
  method: "PATCH",
  path: "/cvms/cvm_ykL5lbAn/name",
  body: { name: "price-oracle-2" },
  reply: { status: 204, raw: null },
  call: (c) => renameCvm(c, { id: "cvm_ykL5lbAn", name: "price-oracle-2" }),
  safeCall: (c) => safeRenameCvm(c, { id: "cvm_ykL5lbAn", name: "price-oracle-2" }),
  expected: undefined,
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
