import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError, RequestValidationError, ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { getCvmCreateResources, safeGetCvmCreateResources } from "./get-cvm-create-resources";
import { setup } from "./workspaces.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

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
