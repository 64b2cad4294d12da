// The official reference's nodes and instance types page
// (`cloud-js-sdk/nodes-and-instance-types.mdx`): the available TEE nodes, the
// instance type families, one family's types, and the public OS images.
import { createClient, NotFoundError, RequestValidationError } from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import { categoriesOf, pathOf, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

const mock = useDocsMock();
const client = () => createClient();

describe("getAvailableNodes: GET /teepods/available", () => {
  it("tier, capacity (max_instances, max_vcpu, max_memory, max_disk), nodes, kms_list", async () => {
    const available = await client().getAvailableNodes();
    expect(pathOf(mock.sent[0])).toBe("/teepods/available");
    expect(available.tier).toBe(SEED.workspaces.main.tier);
    expect(available.capacity).toEqual({
      max_instances: expect.any(Number),
      max_vcpu: expect.any(Number),
      max_memory: expect.any(Number),
      max_disk: expect.any(Number),
    });
    expect(available.capacity.max_instances).toBeGreaterThan(0);
    expect(available.nodes).toHaveLength(3);
    expect(available.kms_list.map((kms) => kms.slug).sort()).toEqual(
      [SEED.kms.base.slug, SEED.kms.ethereum.slug, SEED.kms.phala.slug].sort(),
    );
  });

  // Documented: `node.id` and `node.region`. The API's node carries
  // `teepod_id` and `region_identifier`.
  it("each node (differs: teepod_id and region_identifier, not id and region)", async () => {
    const available = await client().getAvailableNodes();
    const node = available.nodes.find((n) => n.name === "prod7")!;
    expect(node.teepod_id).toBe(SEED.nodes.prod7.id);
    expect(node.region_identifier).toBe(SEED.nodes.prod7.region);
    expect(node).toMatchObject({ listed: true, support_onchain_kms: true });
    expect(node.remaining_vcpu).toBeGreaterThan(0);
    expect(node.remaining_memory).toBeGreaterThan(0);
    expect(node.remaining_cvm_slots).toBeGreaterThan(0);
    expect(node.device_id).toMatch(/^[0-9a-f]{64}$/);
    expect(node.images.map((image) => image.name)).toContain("dstack-0.5.3");
    expect(node.kms_list).toContain(SEED.kms.phala.slug);
    expect(node).not.toHaveProperty("id");
    expect(node).not.toHaveProperty("region");
    // @ts-expect-error the documented `node.id` is not in the type
    void node.id;
    // @ts-expect-error the documented `node.region` is not in the type
    void node.region;
  });
});

// Documented: iterated as an array of families with `instance_types[].slug`.
// The API answers `{ result: [{ name, items, total }] }`, items with `id`.
describe("listAllInstanceTypeFamilies: GET /instance-types (differs: { result }, items, id)", () => {
  it("each family with its instance types: id, name, description, vcpu, memory_mb, hourly_rate, requires_gpu", async () => {
    const families = await client().listAllInstanceTypeFamilies();
    expect(pathOf(mock.sent[0])).toBe("/instance-types");
    expect(Array.isArray(families)).toBe(false);
    expect(families.result.map((family) => family.name)).toEqual(["cpu", "gpu"]);
    const cpu = families.result.find((family) => family.name === "cpu")!;
    expect(cpu.total).toBe(cpu.items.length);
    expect(cpu.items[0]).toMatchObject({
      id: "tdx.small",
      name: "tdx.small",
      vcpu: 1,
      memory_mb: 2048,
      hourly_rate: "0.058",
      requires_gpu: false,
    });
    expect(typeof cpu.items[0]?.description).toBe("string");
    const gpu = families.result.find((family) => family.name === "gpu")!;
    expect(gpu.items.every((type) => type.requires_gpu)).toBe(true);
    // @ts-expect-error not an array
    void families.forEach;
    // @ts-expect-error the documented `instance_types` is `items`
    void cpu.instance_types;
  });
});

describe("listFamilyInstanceTypes: GET /instance-types/{family}", () => {
  it("the family's types: { items, total, family }", async () => {
    const cpuTypes = await client().listFamilyInstanceTypes({ family: "cpu" });
    expect(pathOf(mock.sent[0])).toBe("/instance-types/cpu");
    expect(cpuTypes.family).toBe("cpu");
    expect(cpuTypes.total).toBeGreaterThanOrEqual(cpuTypes.items.length);
    expect(cpuTypes.items.map((type) => type.id)).toContain("tdx.medium");
    expect(cpuTypes.items.every((type) => !type.requires_gpu)).toBe(true);
    const all = await client().listAllInstanceTypeFamilies();
    expect(all.result.find((family) => family.name === "cpu")?.items).toEqual(
      expect.arrayContaining(cpuTypes.items),
    );
  });

  it("gpu, and an unknown family: 404 (NotFoundError, BusinessError)", async () => {
    const gpuTypes = await client().listFamilyInstanceTypes({ family: "gpu" });
    expect(gpuTypes.items.map((type) => type.id)).toContain("h200.small");
    const error = await rejectionOf(client().listFamilyInstanceTypes({ family: "quantum" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError"]);
  });
});

describe("getOsImages: GET /os-images", () => {
  it("page and page_size: items (name, slug, version, os_image_hash, is_dev, requires_gpu), total, page, page_size, pages", async () => {
    const images = await client().getOsImages({ page: 1, page_size: 4 });
    expect(pathOf(mock.sent[0])).toBe("/os-images?page=1&page_size=4");
    expect(images).toMatchObject({ page: 1, page_size: 4 });
    expect(images.items).toHaveLength(4);
    expect(images.pages).toBe(Math.ceil(images.total / 4));
    for (const image of images.items) {
      expect(image.name).toMatch(/^dstack-/);
      expect(image.slug).toBe(image.name);
      expect(image.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(image.os_image_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(typeof image.is_dev).toBe("boolean");
      expect(typeof image.requires_gpu).toBe("boolean");
    }
    expectTypeOf(images.total).toEqualTypeOf<number>();
  });

  it("page defaults to 1; is_dev filters dev images", async () => {
    const all = await client().getOsImages();
    expect(all.page).toBe(1);
    const dev = await client().getOsImages({ is_dev: true, page_size: 100 });
    expect(pathOf(mock.sent[1])).toBe("/os-images?is_dev=true&page_size=100");
    expect(dev.items.length).toBeGreaterThan(0);
    expect(dev.items.every((image) => image.is_dev)).toBe(true);
    const prod = await client().getOsImages({ is_dev: false, page_size: 100 });
    expect(prod.total + dev.total).toBe(all.total);
  });

  it("page_size above 100 is refused before sending", async () => {
    const error = await rejectionOf(client().getOsImages({ page_size: 101 }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });
});
