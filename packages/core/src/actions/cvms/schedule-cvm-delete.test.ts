import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { vm } from "./fixtures.test-support";
import { safeScheduleCvmDelete, scheduleCvmDelete } from "./schedule-cvm-delete";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const at = "2026-07-01T00:00:00Z";

describeActionCall({
  name: "scheduleCvmDelete",
  method: "PATCH",
  path: "/cvms/cvm_1/scheduled-delete",
  body: { scheduled_delete_at: at },
  reply: { body: vm() },
  call: (c) => scheduleCvmDelete(c, { id: "cvm_1", scheduled_delete_at: at }),
  safeCall: (c) => safeScheduleCvmDelete(c, { id: "cvm_1", scheduled_delete_at: at }),
  expected: vm(),
});

describe("scheduleCvmDelete", () => {
  it("sends a Date as ISO, and null to cancel", async () => {
    const { fake, client } = setup({ body: vm() });
    await scheduleCvmDelete(client, { id: "cvm_1", scheduled_delete_at: new Date(at) });
    await scheduleCvmDelete(client, { id: "cvm_1", scheduled_delete_at: null });
    expect(fake.calls.map((call) => call.body)).toEqual([
      { scheduled_delete_at: "2026-07-01T00:00:00.000Z" },
      { scheduled_delete_at: null },
    ]);
  });

  it("refuses a missing or malformed time", async () => {
    await refused((c) => scheduleCvmDelete(c, bad({ id: "cvm_1" })), "scheduled_delete_at");
    await refused(
      (c) => scheduleCvmDelete(c, { id: "cvm_1", scheduled_delete_at: "next week" }),
      "scheduled_delete_at",
    );
    await refused(
      (c) => scheduleCvmDelete(c, bad({ id: "cvm_1", scheduled_delete_at: 1767225600 })),
      "scheduled_delete_at",
    );
  });
});
