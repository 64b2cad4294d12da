import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_BASE_URL, VM_UUID } from "../../test-utils";
import { describeActionCall, refused, setup } from "./cvms.test-support";
import { UUID_HEX } from "./fixtures.test-support";
import { safeUpdateCvmResources, updateCvmResources } from "./update-cvm-resources";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "updateCvmResources",
  method: "PATCH",
  path: "/cvms/cvm_1",
  body: { instance_type: "tdx.large", disk_size: 80, allow_restart: true },
  reply: {
    status: 202,
    body: { correlation_id: "op_5", status: "accepted", message: "Resize scheduled" },
  },
  call: (c) =>
    updateCvmResources(c, {
      id: "cvm_1",
      instance_type: "tdx.large",
      disk_size: 80,
      allow_restart: true,
    }),
  safeCall: (c) =>
    safeUpdateCvmResources(c, {
      id: "cvm_1",
      instance_type: "tdx.large",
      disk_size: 80,
      allow_restart: true,
    }),
  expected: { correlation_id: "op_5", status: "accepted", message: "Resize scheduled" },
});

describe("202 answers of background operations", () => {
  it("updateCvmResources takes an empty 202 or one with only correlation_id", async () => {
    const empty = setup({ status: 202, raw: null });
    await expect(updateCvmResources(empty.client, { id: "cvm_1", vcpu: 4 })).resolves.toEqual({
      correlation_id: null,
      status: null,
      message: null,
    });
    expect(empty.fake.calls[0]!.body).toEqual({ vcpu: 4 });
    const partial = setup({ status: 202, body: { correlation_id: "op_3" } });
    await expect(
      updateCvmResources(partial.client, { id: "cvm_1", memory: 8192 }),
    ).resolves.toEqual({ correlation_id: "op_3", status: null, message: null });
  });

  it("updateCvmResources resizes through PATCH /cvms/{id}, not the deprecated /resources", async () => {
    const { fake, client } = setup({ status: 202, raw: null });
    await updateCvmResources(client, {
      uuid: VM_UUID,
      vcpu: 2,
      memory: 4096,
      disk_size: 60,
      instance_type: "tdx.medium",
      allow_restart: false,
    });
    expect(fake.calls[0]!.method).toBe("PATCH");
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/${UUID_HEX}`);
    // allow_restart is a boolean in UpdateCvmRequest (the old /resources took 0/1).
    expect(fake.calls[0]!.body).toEqual({
      vcpu: 2,
      memory: 4096,
      disk_size: 60,
      instance_type: "tdx.medium",
      allow_restart: false,
    });
  });
});

describe("argument checks (nothing sent)", () => {
  it("body arguments of CVM actions are type-checked", async () => {
    await refused(
      (c) => updateCvmResources(c, { id: "cvm_1", allow_restart: true }),
      "vcpu|memory|disk_size|instance_type",
    );
    await refused((c) => updateCvmResources(c, { id: "cvm_1", disk_size: -1 }), "disk_size");
  });
});
