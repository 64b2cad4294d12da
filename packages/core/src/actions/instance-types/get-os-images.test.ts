import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestValidationError } from "../../errors";
import { getOsImages, safeGetOsImages } from "./get-os-images";
import { setup } from "./instance-types.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("getOsImages", () => {
  const page = {
    items: [
      {
        name: "dstack-0.5.3",
        slug: "dstack-0.5.3",
        version: "0.5.3",
        is_dev: false,
        requires_gpu: false,
      },
    ],
    total: 1,
    page: 1,
    page_size: 50,
    pages: 1,
  };

  it("GETs /os-images with page, page_size and is_dev", async () => {
    const { fake, client } = setup({ body: page });
    const result = await getOsImages(client, { page: 2, page_size: 10, is_dev: false });
    const url = new URL(fake.calls[0]!.url);
    expect(url.pathname).toBe("/api/v1/os-images");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: "2",
      page_size: "10",
      is_dev: "false",
    });
    expect(result.items[0]!.version).toBe("0.5.3");
  });

  it("refuses a non-boolean is_dev", async () => {
    const { fake, client } = setup({ body: page });
    const result = await safeGetOsImages(client, { is_dev: "no" } as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe("is_dev");
    expect(fake.calls).toHaveLength(0);
  });
});
