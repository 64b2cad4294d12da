import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VM_UUID } from "../../test-utils";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { batchStatus } from "./fixtures.test-support";
import { getCvmStatusBatch, safeGetCvmStatusBatch } from "./get-cvm-status-batch";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "getCvmStatusBatch",
  method: "POST",
  path: "/status/batch",
  body: { vm_uuids: [VM_UUID] },
  reply: { body: batchStatus() },
  call: (c) => getCvmStatusBatch(c, { vmUuids: [VM_UUID] }),
  safeCall: (c) => safeGetCvmStatusBatch(c, { vmUuids: [VM_UUID] }),
  expected: batchStatus(),
});

describe("getCvmStatusBatch", () => {
  it("returns the operation's fields as the API sends them, flat beside the status", async () => {
    const { client } = setup({ body: batchStatus() });
    const statuses = await getCvmStatusBatch(client, { vmUuids: [VM_UUID] });
    expect(statuses[VM_UUID]).toMatchObject({
      status: "stopping",
      in_progress: true,
      operation_type: "stop",
      operation_started_at: "2026-01-01T00:00:00Z",
      correlation_id: "op_7",
      shutdown_progress: "stopping containers",
      events: [{ event: "shutdown", body: "graceful", timestamp: 1767225600 }],
    });
  });

  it("an idle CVM's operation fields come back null", async () => {
    const { client } = setup({ body: { [VM_UUID]: { vm_uuid: VM_UUID, status: "running" } } });
    const statuses = await getCvmStatusBatch(client, { vmUuids: [VM_UUID] });
    expect(statuses[VM_UUID]).toEqual({
      vm_uuid: VM_UUID,
      status: "running",
      uptime: null,
      in_progress: false,
      boot_progress: null,
      boot_error: null,
      shutdown_progress: null,
      operation_type: null,
      operation_started_at: null,
      correlation_id: null,
    });
  });
});

describe("argument checks (nothing sent)", () => {
  it("getCvmStatusBatch: a non-empty list of UUIDs", async () => {
    await refused((c) => getCvmStatusBatch(c, bad({})), "vmUuids");
    await refused((c) => getCvmStatusBatch(c, { vmUuids: [] }), "vmUuids");
    await refused((c) => getCvmStatusBatch(c, { vmUuids: [""] }), "vmUuids");
  });
});
