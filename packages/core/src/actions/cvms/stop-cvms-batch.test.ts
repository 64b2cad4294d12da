import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestValidationError } from "../../errors";
import { describeActionCall, refused, setup } from "./cvms.test-support";
import { safeStopCvmsBatch, stopCvmsBatch } from "./stop-cvms-batch";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const answer = {
  total: 3,
  stopped: 1,
  skipped: 1,
  errors: [{ cvm_id: "cvm_missing", error: "CVM not found" }],
};

describeActionCall({
  name: "stopCvmsBatch",
  method: "POST",
  path: "/cvms/batch-stop",
  body: { cvm_ids: ["cvm_a", "cvm_b", "cvm_missing"] },
  reply: { body: answer },
  call: (c) => stopCvmsBatch(c, { cvm_ids: ["cvm_a", "cvm_b", "cvm_missing"] }),
  safeCall: (c) => safeStopCvmsBatch(c, { cvm_ids: ["cvm_a", "cvm_b", "cvm_missing"] }),
  expected: answer,
});

describe("stopCvmsBatch", () => {
  const ids = (count: number) => Array.from({ length: count }, (_, i) => `cvm_${i}`);

  it("sends up to 50 ids; `errors` may be absent", async () => {
    const { fake, client } = setup({ body: { total: 50, stopped: 50, skipped: 0 } });
    await expect(stopCvmsBatch(client, { cvm_ids: ids(50) })).resolves.toEqual({
      total: 50,
      stopped: 50,
      skipped: 0,
    });
    expect((fake.calls[0]!.body as { cvm_ids: string[] }).cvm_ids).toHaveLength(50);
  });

  it("refuses more than 50 ids before sending: a RequestValidationError on cvm_ids", async () => {
    const { fake, client } = setup();
    const result = await safeStopCvmsBatch(client, { cvm_ids: ids(51) });
    expect(result.error).toBeInstanceOf(RequestValidationError);
    const issue = (result.error as RequestValidationError).issues[0]!;
    expect(issue.path).toBe("cvm_ids");
    expect(issue.message).toContain("at most 50");
    expect(fake.calls).toHaveLength(0);
  });

  it("refuses an empty list, blank ids or a missing list", async () => {
    await refused((c) => stopCvmsBatch(c, { cvm_ids: [] }), "cvm_ids");
    await refused((c) => stopCvmsBatch(c, { cvm_ids: ["cvm_1", " "] }), "cvm_ids");
    await refused((c) => stopCvmsBatch(c, {} as never), "cvm_ids");
  });

  it("is not retried: a stop is not repeated blindly", async () => {
    const { fake, client } = setup({ status: 503, body: { detail: "busy" } });
    await expect(stopCvmsBatch(client, { cvm_ids: ["cvm_1"] })).rejects.toBeInstanceOf(Error);
    expect(fake.calls).toHaveLength(1);
  });
});
