import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { getAvailableNodes, safeGetAvailableNodes } from "./get-available-nodes";
import { setup } from "./workspaces.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

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
