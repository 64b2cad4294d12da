import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commitCvmReplica, safeCommitCvmReplica } from "./commit-cvm-replica";
import { refused, setup } from "./cvms.test-support";
import { COMPOSE_HASH, vm } from "./fixtures.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

// The commit after replicateCvm's 465 is tested with it, in replicate-cvm.test.ts.
describe("replicas: replicateCvm and commitCvmReplica", () => {
  const TX = `0x${"cd".repeat(32)}`;

  it("commitCvmReplica takes already-registered as the transaction; has a safe twin", async () => {
    const { fake, client } = setup({ body: vm() });
    const result = await safeCommitCvmReplica(client, {
      id: "cvm_1",
      token: "rt_1",
      composeHash: COMPOSE_HASH,
      transactionHash: "already-registered",
    });
    expect(result.success).toBe(true);
    expect(fake.calls[0]!.body).toMatchObject({ transaction_hash: "already-registered" });
  });

  // replicateCvm's part is in replicate-cvm.test.ts.
  it("refuses malformed replica arguments before sending", async () => {
    await refused(
      (c) =>
        commitCvmReplica(c, {
          id: "cvm_1",
          token: "",
          composeHash: COMPOSE_HASH,
          transactionHash: TX,
        }),
      "token",
    );
    await refused(
      (c) =>
        commitCvmReplica(c, {
          id: "cvm_1",
          token: "rt_1",
          composeHash: COMPOSE_HASH,
          transactionHash: "0x12",
        }),
      "transactionHash",
    );
  });
});
