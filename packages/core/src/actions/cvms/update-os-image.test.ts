import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { safeUpdateOsImage, updateOsImage } from "./update-os-image";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "updateOsImage",
  method: "PATCH",
  path: "/cvms/cvm_1/os-image",
  body: { os_image_name: "dstack-0.5.4" },
  reply: { status: 202, raw: null },
  call: (c) => updateOsImage(c, { id: "cvm_1", os_image_name: "dstack-0.5.4" }),
  safeCall: (c) => safeUpdateOsImage(c, { id: "cvm_1", os_image_name: "dstack-0.5.4" }),
  expected: { correlation_id: null, status: null, message: null },
});

describe("202 answers of background operations", () => {
  it("updateOsImage returns the JSON answer's correlation_id, status and message", async () => {
    const { client } = setup({
      status: 202,
      body: { correlation_id: "op_9", status: "accepted", message: "OS upgrade scheduled" },
    });
    await expect(
      updateOsImage(client, { id: "cvm_1", os_image_name: "dstack-0.5.4" }),
    ).resolves.toEqual({
      correlation_id: "op_9",
      status: "accepted",
      message: "OS upgrade scheduled",
    });
  });
});

describe("argument checks (nothing sent)", () => {
  it("body arguments of CVM actions are type-checked", async () => {
    await refused((c) => updateOsImage(c, bad({ id: "cvm_1" })), "os_image_name");
  });
});
