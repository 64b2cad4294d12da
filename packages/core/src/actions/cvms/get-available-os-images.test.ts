import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { RequestValidationError } from "../../errors";
import { APP_HEX, fakeFetch, TEST_API_KEY, TEST_BASE_URL, VM_UUID } from "../../test-utils";
import { getAvailableOsImages, safeGetAvailableOsImages } from "./get-available-os-images";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

function setup(reply: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
  });
  return { fake, client };
}

describe("getAvailableOsImages", () => {
  const variant = {
    name: "dstack-0.5.3",
    slug: "dstack-0.5.3",
    os_image_hash: "aa",
    requires_gpu: false,
    is_current: true,
    enabled: true,
  };

  it.each([
    [{ id: "cvm_9x" }, "cvm_9x"],
    [{ uuid: VM_UUID }, VM_UUID.replaceAll("-", "")],
    [{ app_id: APP_HEX }, `app_${APP_HEX}`],
  ])("GETs /cvms/{id}/available-os-images for %j", async (args, segment) => {
    const { fake, client } = setup({ body: [{ version: [0, 5, 3], prod: variant, dev: null }] });
    const result = await getAvailableOsImages(client, args as never);
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/${segment}/available-os-images`);
    expect(result[0]!.prod?.is_current).toBe(true);
  });

  it("refuses two ids at once", async () => {
    const { fake, client } = setup({ body: [] });
    const result = await safeGetAvailableOsImages(client, { id: "a", name: "b" } as never);
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect(fake.calls).toHaveLength(0);
  });
});
