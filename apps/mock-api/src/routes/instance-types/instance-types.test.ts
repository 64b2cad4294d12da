import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

const key = SEED.apiKeys.demo;
let api: RunningMockApi;

beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());

describe("GET /teepods/available", () => {
  it("lists the seeded nodes with capacity left after the live CVMs, and the seeded KMS", async () => {
    const response = await getJson(api.url, "/teepods/available", { apiKey: key });
    expect(response.status).toBe(200);
    expect(contractMismatches("GET /teepods/available", response.body)).toEqual([]);
    expect(response.body.tier).toBe("pro");
    expect(response.body.nodes.map((node: any) => node.teepod_id)).toEqual([5, 7, 9]);
    const prod5 = response.body.nodes[0];
    const usedVcpu = [...api.state.cvms.values()]
      .filter((cvm) => cvm.nodeId === 5)
      .reduce((sum, cvm) => sum + cvm.vcpu, 0);
    expect(prod5.remaining_vcpu).toBe(192 - usedVcpu);
    expect(prod5.device_id).toBe(api.state.nodes.get(5)!.deviceId);
    expect(prod5.kms_list).toEqual(["phala-prod", "base-prod", "ethereum-prod"]);
    expect(response.body.kms_list.map((kms: any) => kms.id)).toEqual([...api.state.kms.keys()]);
    // 0.5.1 is no longer deployed on prod9.
    const prod9 = response.body.nodes[2];
    expect(prod9.images.some((image: any) => image.version.join(".") === "0.5.1")).toBe(false);
  });

  it("answers 401 without a key", async () => {
    expect((await getJson(api.url, "/teepods/available")).status).toBe(401);
  });
});

describe("GET /instance-types", () => {
  it("groups the types by family, with the seeded sizes and prices", async () => {
    const response = await getJson(api.url, "/instance-types", { apiKey: key });
    expect(response.status).toBe(200);
    expect(contractMismatches("GET /instance-types", response.body)).toEqual([]);
    expect(response.body.result.map((family: any) => [family.name, family.total])).toEqual([
      ["cpu", 4],
      ["gpu", 1],
    ]);
    const medium = response.body.result[0].items[1];
    expect(medium).toMatchObject({
      name: "tdx.medium",
      vcpu: 2,
      memory_mb: 4096,
      hourly_rate: "0.116",
    });
  });

  it("lists one family, and 404s for an unknown one", async () => {
    const gpu = await getJson(api.url, "/instance-types/gpu", { apiKey: key });
    expect(contractMismatches("GET /instance-types/{family}", gpu.body)).toEqual([]);
    expect(gpu.body).toMatchObject({ family: "gpu", total: 1 });
    expect(gpu.body.items[0]).toMatchObject({ requires_gpu: true });
    const unknown = await getJson(api.url, "/instance-types/tpu", { apiKey: key });
    expect(unknown).toMatchObject({
      status: 404,
      body: { detail: "Instance type family 'tpu' not found" },
    });
  });
});

describe("GET /os-images", () => {
  it("pages the catalogue newest first and filters dev images", async () => {
    const all = await getJson(api.url, "/os-images", { apiKey: key });
    expect(contractMismatches("GET /os-images", all.body)).toEqual([]);
    expect(all.body.total).toBe(6);
    expect(all.body.items[0].version).toBe("0.5.3");
    const prod = await getJson(api.url, "/os-images?is_dev=false&page_size=2&page=2", {
      apiKey: key,
    });
    expect(prod.body).toMatchObject({ total: 3, page: 2, page_size: 2, pages: 2 });
    expect(prod.body.items.map((image: any) => image.name)).toEqual(["dstack-0.5.1"]);
  });

  it("answers 422 for a bad is_dev", async () => {
    const response = await getJson(api.url, "/os-images?is_dev=maybe", { apiKey: key });
    expect(response.status).toBe(422);
    expect(response.body.detail[0]).toMatchObject({
      type: "bool_parsing",
      loc: ["query", "is_dev"],
    });
  });
});
