import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { NotFoundError, RequestValidationError, ResponseValidationError } from "../../errors";
import { APP_HEX, fakeFetch, TEST_API_KEY, TEST_BASE_URL, VM_UUID } from "../../test-utils";
import {
  getAvailableNodes,
  getAvailableOsImages,
  getOsImages,
  listAllInstanceTypeFamilies,
  listFamilyInstanceTypes,
  safeGetAvailableNodes,
  safeGetAvailableOsImages,
  safeGetOsImages,
  safeListAllInstanceTypeFamilies,
  safeListFamilyInstanceTypes,
} from "./index";

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

const kms = {
  id: "kms-phala-prod",
  slug: "phala-prod",
  url: "https://kms.phala.network",
  version: "v0.5.3",
  chain_id: null,
  kms_contract_address: null,
  gateway_app_id: "ab",
};

const availableNodes = {
  tier: "pro",
  capacity: { max_instances: 50, max_vcpu: 256, max_memory: null, max_disk: 10000 },
  nodes: [
    {
      teepod_id: 5,
      name: "prod5",
      listed: true,
      resource_score: 0.9,
      remaining_vcpu: 150,
      remaining_memory: 1_800_000,
      remaining_cvm_slots: 60,
      images: [{ name: "dstack-0.5.3", is_dev: false, version: [0, 5, 3], os_image_hash: "aa" }],
      device_id: "dd",
      region_identifier: "us-west-1",
      default_kms: "phala-prod",
    },
  ],
  kms_list: [kms],
};

const instanceType = {
  id: "tdx.small",
  name: "tdx.small",
  description: "1 vCPU, 2 GB",
  vcpu: 1,
  memory_mb: 2048,
  hourly_rate: "0.058",
  requires_gpu: false,
  family: "cpu",
};

describe("getAvailableNodes", () => {
  it("GETs /teepods/available and fills node defaults", async () => {
    const { fake, client } = setup({ body: availableNodes });
    const result = await getAvailableNodes(client);
    expect(fake.calls[0]).toMatchObject({
      method: "GET",
      url: `${TEST_BASE_URL}/teepods/available`,
    });
    expect(result.nodes[0]!.kms_list).toEqual([]);
    expect(result.nodes[0]!.images[0]!.version).toEqual([0, 5, 3]);
    expect(result.kms_list[0]!.slug).toBe("phala-prod");
  });

  it("rejects an image version that is not a tuple", async () => {
    const body = structuredClone(availableNodes);
    (body.nodes[0]!.images[0] as { version: unknown }).version = "0.5.3";
    const { client } = setup({ body });
    const result = await safeGetAvailableNodes(client);
    expect(result.error).toBeInstanceOf(ResponseValidationError);
  });
});

describe("instance types", () => {
  it("listAllInstanceTypeFamilies GETs /instance-types and fills defaults", async () => {
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

  it("listAllInstanceTypeFamilies rejects a body without result", async () => {
    const { client } = setup({ body: { items: [] } });
    expect((await safeListAllInstanceTypeFamilies(client)).error).toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it("listFamilyInstanceTypes GETs one family", async () => {
    const { fake, client } = setup({ body: { items: [instanceType], total: 1, family: "cpu" } });
    const result = await listFamilyInstanceTypes(client, { family: "cpu" });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/instance-types/cpu`);
    expect(result.family).toBe("cpu");
  });

  it("listFamilyInstanceTypes refuses a missing family and maps 404", async () => {
    const { fake, client } = setup({ status: 404, body: { detail: "not found" } });
    const refused = await safeListFamilyInstanceTypes(client, {} as never);
    expect((refused.error as RequestValidationError).issues[0]!.path).toBe("family");
    expect(fake.calls).toHaveLength(0);
    const missing = await safeListFamilyInstanceTypes(client, { family: "tpu" });
    expect(missing.error).toBeInstanceOf(NotFoundError);
  });
});

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
