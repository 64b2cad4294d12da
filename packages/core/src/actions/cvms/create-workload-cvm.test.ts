import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictError } from "../../errors";
import { createWorkloadCvm, safeCreateWorkloadCvm } from "./create-workload-cvm";
import { describeActionCall, refused, setup } from "./cvms.test-support";
import { vm } from "./fixtures.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const args = { name: "llama-server", instance_type: "h200.small", model_id: "meta/llama-3" };

describeActionCall({
  name: "createWorkloadCvm",
  method: "POST",
  path: "/cvms/workload",
  body: args,
  reply: { body: vm({ name: "llama-server" }) },
  call: (c) => createWorkloadCvm(c, args),
  safeCall: (c) => safeCreateWorkloadCvm(c, args),
  expected: vm({ name: "llama-server" }),
});

describe("createWorkloadCvm", () => {
  it("sends scheduled_delete_at as ISO (a Date too), or null", async () => {
    const { fake, client } = setup({ body: vm() });
    await createWorkloadCvm(client, {
      ...args,
      scheduled_delete_at: new Date("2026-06-01T00:00:00Z"),
    });
    await createWorkloadCvm(client, { ...args, scheduled_delete_at: "2026-06-01T08:00:00+08:00" });
    await createWorkloadCvm(client, { ...args, scheduled_delete_at: null });
    expect(
      fake.calls.map((call) => (call.body as Record<string, unknown>).scheduled_delete_at),
    ).toEqual(["2026-06-01T00:00:00.000Z", "2026-06-01T08:00:00+08:00", null]);
  });

  it("answers the VM record of each version (a cvm_... id from 2026-05-22)", async () => {
    const { client } = setup({ body: vm({ id: "cvm_ykL5lbAn", user_id: "usr_1" }) }, "2026-05-22");
    await expect(createWorkloadCvm(client, args)).resolves.toMatchObject({ id: "cvm_ykL5lbAn" });
  });

  it("a name already used in the workspace is a ConflictError (409)", async () => {
    const { client } = setup({ status: 409, body: { detail: { message: "exists" } } });
    await expect(createWorkloadCvm(client, args)).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a bad name, a missing model or a bad date before sending", async () => {
    await refused((c) => createWorkloadCvm(c, { ...args, name: "ab" }), "name");
    await refused((c) => createWorkloadCvm(c, { ...args, name: "1-llama" }), "name");
    await refused((c) => createWorkloadCvm(c, { ...args, model_id: "" }), "model_id");
    await refused(
      (c) => createWorkloadCvm(c, { ...args, scheduled_delete_at: "tomorrow" }),
      "scheduled_delete_at",
    );
    await refused(
      (c) => createWorkloadCvm(c, { ...args, scheduled_delete_at: new Date(Number.NaN) }),
      "scheduled_delete_at",
    );
  });
});
