import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_BASE_URL } from "../../test-utils";
import { confirmCvmPatch, safeConfirmCvmPatch } from "./confirm-cvm-patch";
import { invalid, setup } from "./cvms.test-support";
import { HASH, registrationRequiredBody, TX } from "./fixtures.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("confirmCvmPatch", () => {
  it("PATCHes /cvms/{id} with an empty JSON body (the operation requires one) and the two headers", async () => {
    const { fake, client } = setup({ status: 202, body: { correlation_id: "op_4" } });
    const result = await confirmCvmPatch(client, {
      id: "cvm_1",
      composeHash: HASH,
      transactionHash: TX,
    });
    const call = fake.calls[0]!;
    expect(call.method).toBe("PATCH");
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1`);
    expect(call.body).toEqual({});
    expect(call.headers["content-type"]).toBe("application/json");
    expect(call.headers["x-compose-hash"]).toBe(HASH);
    expect(call.headers["x-transaction-hash"]).toBe(TX);
    expect(result).toEqual({ status: "accepted", correlation_id: "op_4" });
    const safeResult = await safeConfirmCvmPatch(client, {
      id: "cvm_1",
      composeHash: HASH,
      transactionHash: TX,
    });
    expect(safeResult.success).toBe(true);
  });

  it("refuses missing or malformed hashes", async () => {
    const { fake, client } = setup();
    await invalid(
      confirmCvmPatch(client, { id: "cvm_1", composeHash: HASH } as any),
      "confirmCvmPatch",
      "transactionHash",
    );
    await invalid(
      confirmCvmPatch(client, { id: "cvm_1", composeHash: "zz", transactionHash: TX }),
      "confirmCvmPatch",
      "composeHash",
    );
    expect(fake.calls).toHaveLength(0);
  });

  it("has the documented correlationId and requiresOnChainHash, not enumerable", async () => {
    const { client } = setup({ status: 202, body: { correlation_id: "op_4" } });
    const args = { id: "cvm_1", composeHash: HASH, transactionHash: TX };
    const confirmed = await confirmCvmPatch(client, args);
    expect(confirmed.requiresOnChainHash).toBe(false);
    expect(!confirmed.requiresOnChainHash && confirmed.correlationId).toBe("op_4");
    expect(JSON.stringify(confirmed)).toBe('{"status":"accepted","correlation_id":"op_4"}');
    const raw = (await confirmCvmPatch(client, args, { schema: false })) as object;
    expect("correlationId" in raw).toBe(false);
  });

  it("a 465 answer has patchCvm's documented fields", async () => {
    const { client } = setup({ status: 465, body: registrationRequiredBody() });
    const result = await confirmCvmPatch(client, {
      id: "cvm_1",
      composeHash: HASH,
      transactionHash: TX,
    });
    expect(result.requiresOnChainHash).toBe(true);
    expect(result.requiresOnChainHash && result.composeHash).toBe(HASH);
    expect(result.requiresOnChainHash && result.kmsInfo?.chain?.name).toBe("Base");
  });
});
