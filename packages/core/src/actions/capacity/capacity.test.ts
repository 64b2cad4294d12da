import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { NotFoundError, RequestValidationError, ResponseValidationError } from "../../errors";
import { APP_HEX, fakeFetch, TEST_API_KEY, TEST_BASE_URL, VM_UUID } from "../../test-utils";
import type { ApiVersion } from "../../versions";
import {
  getAvailableNodes,
  getAvailableOsImages,
  getCvmCreateResources,
  getOsImages,
  listAllInstanceTypeFamilies,
  listFamilyInstanceTypes,
  safeGetAvailableNodes,
  safeGetAvailableOsImages,
  safeGetCvmCreateResources,
  safeGetOsImages,
  safeListAllInstanceTypeFamilies,
  safeListFamilyInstanceTypes,
} from "./index";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

function setup(reply: Parameters<typeof fakeFetch>[0], version?: ApiVersion) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    version,
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

/** `GET /teepods/cvm-create-resources` as 2026-05-22 answers it: KMS and gateway ids are strings. */
function createResources(overrides: Record<string, unknown> = {}) {
  return {
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
        support_onchain_kms: true,
        region_identifier: "us-west-1",
        default_kms: "phala-prod",
        kms_list: ["phala-prod"],
      },
    ],
    kms_nodes: [
      {
        id: "kms_1",
        slug: "phala-prod",
        url: "https://kms.phala.network",
        version: "0.5.7",
        kms_type: "phala",
        kms_contract_id: "kc_abc",
        supported_os_images: ["dstack-0.5.3"],
      },
    ],
    node_kms_relations: [{ teepod_id: 5, kms_id: "kms_1", kms_type: "phala" }],
    gateway_nodes: [{ id: "gw_1", teepod_id: 5, kms_contract_id: "kc_abc", enabled: true }],
    instance_types: [
      {
        id: "tdx.small",
        name: "Small",
        vcpu: 1,
        memory_mb: 2048,
        default_disk_size_gb: 20,
        requires_gpu: false,
        requires_gpu_count: 0,
        family: "cpu",
      },
    ],
    gpu_availability: {
      has_reserved_gpus: false,
      reserved_gpu_count: 0,
      has_public_gpus: true,
      public_gpu_count: 8,
    },
    ...overrides,
  };
}

describe("getCvmCreateResources", () => {
  it("GETs /teepods/cvm-create-resources with no query, and fills defaults", async () => {
    const { fake, client } = setup({ body: createResources() }, "2026-05-22");
    const result = await getCvmCreateResources(client);
    expect(fake.calls[0]).toMatchObject({
      method: "GET",
      url: `${TEST_BASE_URL}/teepods/cvm-create-resources`,
      body: undefined,
    });
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-05-22");
    expect(result.kms_nodes[0]).toMatchObject({
      id: "kms_1",
      chain_id: null,
      gateway_app_id: null,
    });
    expect(result.nodes[0]).toMatchObject({ teepod_id: 5, device_ids: [], fmspc: null });
    expect(result.gateway_nodes[0]).toMatchObject({ rpc_url: null, domain_suffix: null });
    expect(result.instance_types[0]!.display_order).toBeNull();
    await getCvmCreateResources(client, {});
    expect(fake.calls[1]!.url).toBe(`${TEST_BASE_URL}/teepods/cvm-create-resources`);
  });

  it("2026-01-21 takes KMS and gateway ids as numbers or strings; 2026-05-22 only strings", async () => {
    const numericIds = createResources({
      kms_nodes: [{ id: 1, url: "https://kms", kms_type: "phala", kms_contract_id: 3 }],
      node_kms_relations: [{ teepod_id: 5, kms_id: 1, kms_type: "phala", kms_contract_id: 3 }],
      gateway_nodes: [{ id: 2, kms_contract_id: 3, enabled: true }],
    });
    const old = setup({ body: numericIds }, "2026-01-21");
    const result = await getCvmCreateResources(old.client);
    expect(result.kms_nodes[0]!.id).toBe(1);
    expect(result.gateway_nodes[0]!.kms_contract_id).toBe(3);
    const mixed = setup({ body: createResources() }, "2026-01-21");
    await expect(getCvmCreateResources(mixed.client)).resolves.toMatchObject({
      kms_nodes: [{ id: "kms_1" }],
    });
    const hashids = setup({ body: numericIds }, "2026-05-22");
    const refused = await safeGetCvmCreateResources(hashids.client);
    expect(refused.error).toBeInstanceOf(ResponseValidationError);
    expect((refused.error as ResponseValidationError).issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(["kms_nodes.0.id", "gateway_nodes.0.id"]),
    );
  });

  it("refuses an argument before sending; maps errors", async () => {
    const { fake, client } = setup({ status: 404, body: { detail: "Not Found" } });
    const refused = await safeGetCvmCreateResources(client, { region: "us" } as never);
    expect(refused.error).toBeInstanceOf(RequestValidationError);
    expect((refused.error as RequestValidationError).issues[0]!.path).toBe("region");
    expect(fake.calls).toHaveLength(0);
    const missing = await safeGetCvmCreateResources(client);
    expect(missing.error).toBeInstanceOf(NotFoundError);
  });
});
