import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { COMPOSE_HASH } from "./fixtures.test-support";
import { safeUpdateCvmVisibility, updateCvmVisibility } from "./update-cvm-visibility";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "updateCvmVisibility",
  method: "PATCH",
  path: "/cvms/cvm_1",
  body: { public_sysinfo: false, public_logs: true },
  reply: { status: 202, body: { correlation_id: "op_6" } },
  call: (c) => updateCvmVisibility(c, { id: "cvm_1", public_sysinfo: false, public_logs: true }),
  safeCall: (c) =>
    safeUpdateCvmVisibility(c, { id: "cvm_1", public_sysinfo: false, public_logs: true }),
  expected: {
    status: "accepted",
    correlation_id: "op_6",
    public_sysinfo: false,
    public_logs: true,
    public_tcbinfo: null,
  },
});

describe("202 answers of background operations", () => {
  it("updateCvmVisibility sends PATCH /cvms/{id} and reports the values it set", async () => {
    const { fake, client } = setup({ status: 202, body: { correlation_id: "op_4" } });
    const result = await updateCvmVisibility(client, {
      name: "price-oracle",
      public_sysinfo: true,
      public_logs: false,
      public_tcbinfo: true,
    });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/price-oracle`);
    expect(fake.calls[0]!.body).toEqual({
      public_sysinfo: true,
      public_logs: false,
      public_tcbinfo: true,
    });
    expect(result).toEqual({
      status: "accepted",
      correlation_id: "op_4",
      public_sysinfo: true,
      public_logs: false,
      public_tcbinfo: true,
    });
    // An empty 202 still reports what was set.
    const empty = setup({ status: 202, raw: null });
    await expect(
      updateCvmVisibility(empty.client, { id: "cvm_1", public_sysinfo: false, public_logs: false }),
    ).resolves.toEqual({
      status: "accepted",
      correlation_id: null,
      public_sysinfo: false,
      public_logs: false,
      public_tcbinfo: null,
    });
  });

  it("updateCvmVisibility returns an on-chain app's 465 as precondition_required", async () => {
    const { client } = setup({
      status: 465,
      body: {
        detail: {
          error_code: "ERR-01-005",
          message: "Compose hash registration required on-chain",
          details: [
            { field: "compose_hash", value: COMPOSE_HASH, message: null },
            { field: "app_id", value: APP_HEX, message: null },
          ],
        },
      },
    });
    const result = await updateCvmVisibility(client, {
      id: "cvm_1",
      public_sysinfo: true,
      public_logs: true,
    });
    expect(result).toMatchObject({
      status: "precondition_required",
      compose_hash: COMPOSE_HASH,
      app_id: APP_HEX,
      public_logs: true,
    });
  });

  it("with schema: false the body comes back as sent", async () => {
    const { client } = setup({ status: 202, body: { correlation_id: "op_1" } });
    await expect(
      updateCvmVisibility(
        client,
        { id: "cvm_1", public_sysinfo: true, public_logs: true },
        { schema: false },
      ),
    ).resolves.toEqual({ status: "accepted", correlation_id: "op_1" });
  });
});

describe("argument checks (nothing sent)", () => {
  it("body arguments of CVM actions are type-checked", async () => {
    await refused(
      (c) => updateCvmVisibility(c, bad({ id: "cvm_1", public_logs: true })),
      "public_sysinfo",
    );
  });
});
