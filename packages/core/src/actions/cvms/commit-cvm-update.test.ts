import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_BASE_URL } from "../../test-utils";
import { commitCvmUpdate, safeCommitCvmUpdate } from "./commit-cvm-update";
import { invalid, setup } from "./cvms.test-support";
import { HASH, TX } from "./fixtures.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("commitCvmUpdate", () => {
  it("POSTs token, compose_hash and transaction_hash to /commit-update", async () => {
    const { fake, client } = setup({ body: { status: "in_progress", correlation_id: "op_5" } });
    const result = await commitCvmUpdate(client, {
      id: "cvm_1",
      token: "ct_1",
      composeHash: HASH,
      transactionHash: TX,
    });
    const call = fake.calls[0]!;
    expect(call.method).toBe("POST");
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1/commit-update`);
    expect(call.body).toEqual({ token: "ct_1", compose_hash: HASH, transaction_hash: TX });
    expect(result).toEqual({ status: "in_progress", correlation_id: "op_5" });
  });

  it("refuses a missing token, sending nothing", async () => {
    const { fake, client } = setup();
    await invalid(
      commitCvmUpdate(client, { id: "cvm_1", composeHash: HASH, transactionHash: TX } as any),
      "commitCvmUpdate",
      "token",
    );
    expect(fake.calls).toHaveLength(0);
    const safeResult = await safeCommitCvmUpdate(client, { id: "cvm_1" } as any);
    expect(safeResult.success).toBe(false);
  });

  it("has the documented correlationId beside status, not enumerable", async () => {
    const { client } = setup({ body: { status: "in_progress", correlation_id: "op_5" } });
    const args = { id: "cvm_1", token: "ct_1", composeHash: HASH, transactionHash: TX };
    const committed = await commitCvmUpdate(client, args);
    expect(committed.correlationId).toBe("op_5");
    expect(committed.status).toBe("in_progress");
    expect(Object.keys(committed)).toEqual(["status", "correlation_id"]);
    expect("requiresOnChainHash" in committed).toBe(false);
    const raw = (await commitCvmUpdate(client, args, { schema: false })) as object;
    expect("correlationId" in raw).toBe(false);
    const absent = await commitCvmUpdate(setup({ body: { status: "in_progress" } }).client, args);
    expect(absent.correlationId).toBeNull();
  });
});
