import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { instanceType, setup } from "./instance-types.test-support";
import {
  listAllInstanceTypeFamilies,
  safeListAllInstanceTypeFamilies,
} from "./list-all-instance-type-families";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("listAllInstanceTypeFamilies", () => {
  it("GETs /instance-types and fills defaults", async () => {
    const { fake, client } = setup({
      body: { result: [{ name: "cpu", items: [instanceType], total: 1 }] },
    });
    const result = await listAllInstanceTypeFamilies(client);
    expect(fake.calls[0]).toMatchObject({ method: "GET", url: `${TEST_BASE_URL}/instance-types` });
    expect(result.result[0]!.items[0]).toMatchObject({
      requires_gpu_count: null,
      requires_gpu_product_id: null,
      default_disk_size_gb: 20,
    });
  });

  it("rejects a body without result", async () => {
    const { client } = setup({ body: { items: [] } });
    expect((await safeListAllInstanceTypeFamilies(client)).error).toBeInstanceOf(
      ResponseValidationError,
    );
  });
});
