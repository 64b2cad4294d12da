import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { vm } from "./fixtures.test-support";
import { safeUpdateCvmListed, updateCvmListed } from "./update-cvm-listed";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeActionCall({
  name: "updateCvmListed",
  method: "PATCH",
  path: "/cvms/cvm_1/listed",
  body: { listed: true },
  reply: { body: vm({ status: "running" }) },
  call: (c) => updateCvmListed(c, { id: "cvm_1", listed: true }),
  safeCall: (c) => safeUpdateCvmListed(c, { id: "cvm_1", listed: true }),
  expected: vm({ status: "running" }),
});

describe("updateCvmListed", () => {
  it("sends listed: false too", async () => {
    const { fake, client } = setup({ body: vm() });
    await updateCvmListed(client, { name: "price-oracle", listed: false });
    expect(fake.calls[0]!.body).toEqual({ listed: false });
  });

  it("refuses a missing or non-boolean listed", async () => {
    await refused((c) => updateCvmListed(c, bad({ id: "cvm_1" })), "listed");
    await refused((c) => updateCvmListed(c, bad({ id: "cvm_1", listed: "yes" })), "listed");
  });
});
