import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictError } from "../../errors";
import { cancelCvmOperation, safeCancelCvmOperation } from "./cancel-cvm-operation";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeActionCall({
  name: "cancelCvmOperation",
  method: "POST",
  path: "/cvms/price-oracle/operations/cancel",
  body: undefined,
  reply: { body: { cancelled: true, correlation_id: "op_9" } },
  call: (c) => cancelCvmOperation(c, { name: "price-oracle" }),
  safeCall: (c) => safeCancelCvmOperation(c, { name: "price-oracle" }),
  expected: { cancelled: true, correlation_id: "op_9" },
});

describe("cancelCvmOperation", () => {
  it("a correlation_id the API leaves out reads null", async () => {
    const { client } = setup({ body: { cancelled: false } });
    await expect(cancelCvmOperation(client, { id: "cvm_1" })).resolves.toEqual({
      cancelled: false,
      correlation_id: null,
    });
  });

  it("nothing running is a ConflictError (409)", async () => {
    const { client } = setup({ status: 409, body: { detail: { message: "No operation" } } });
    await expect(cancelCvmOperation(client, { id: "cvm_1" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("takes only the CVM's id", async () => {
    await refused(
      (c) => cancelCvmOperation(c, bad({ id: "cvm_1", correlation_id: "op_1" })),
      "correlation_id",
    );
  });
});
