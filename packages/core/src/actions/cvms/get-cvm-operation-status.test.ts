import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VM_UUID } from "../../test-utils";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { UUID_HEX } from "./fixtures.test-support";
import { getCvmOperationStatus, safeGetCvmOperationStatus } from "./get-cvm-operation-status";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const status = () => ({
  status: "stopping",
  in_progress: true,
  operation_type: "stop",
  correlation_id: "op_7",
  anything: { the: "API adds" },
});

// The reference leaves the answer open: any JSON object is accepted as sent, so
// the shared "wrong shape" check sends an array, the one thing refused.
describeActionCall({
  name: "getCvmOperationStatus",
  method: "GET",
  path: `/cvms/${UUID_HEX}/operation-status`,
  body: undefined,
  reply: { body: status() },
  call: (c) => getCvmOperationStatus(c, { uuid: VM_UUID }),
  safeCall: (c) => safeGetCvmOperationStatus(c, { uuid: VM_UUID }),
  expected: status(),
});

describe("getCvmOperationStatus", () => {
  it("keeps every field of the open answer; a string or null is refused", async () => {
    await expect(
      getCvmOperationStatus(setup({ body: {} }).client, { id: "cvm_1" }),
    ).resolves.toEqual({});
    for (const body of ["in_progress", null]) {
      await expect(
        getCvmOperationStatus(setup({ body }).client, { id: "cvm_1" }),
      ).rejects.toThrow();
    }
  });

  it("needs the CVM's id and takes nothing else", async () => {
    await refused((c) => getCvmOperationStatus(c, bad({})), "id");
    await refused((c) => getCvmOperationStatus(c, bad({ id: "cvm_1", verbose: true })), "verbose");
  });
});
