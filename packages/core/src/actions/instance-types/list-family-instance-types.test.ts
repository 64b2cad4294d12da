import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError, type RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { instanceType, setup } from "./instance-types.test-support";
import { listFamilyInstanceTypes, safeListFamilyInstanceTypes } from "./list-family-instance-types";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("listFamilyInstanceTypes", () => {
  it("GETs one family", async () => {
    const { fake, client } = setup({ body: { items: [instanceType], total: 1, family: "cpu" } });
    const result = await listFamilyInstanceTypes(client, { family: "cpu" });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/instance-types/cpu`);
    expect(result.family).toBe("cpu");
  });

  it("refuses a missing family and maps 404", async () => {
    const { fake, client } = setup({ status: 404, body: { detail: "not found" } });
    const refused = await safeListFamilyInstanceTypes(client, {} as never);
    expect((refused.error as RequestValidationError).issues[0]!.path).toBe("family");
    expect(fake.calls).toHaveLength(0);
    const missing = await safeListFamilyInstanceTypes(client, { family: "tpu" });
    expect(missing.error).toBeInstanceOf(NotFoundError);
  });
});
