import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResponseValidationError } from "../../errors";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { refreshResult } from "./fixtures.test-support";
import { refreshCvmInstanceId, safeRefreshCvmInstanceId } from "./refresh-cvm-instance-id";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "refreshCvmInstanceId",
  method: "PATCH",
  path: `/cvms/instance_${"aa".repeat(20)}/instance-id`,
  body: { overwrite: true, dry_run: false },
  reply: { body: refreshResult() },
  call: (c) =>
    refreshCvmInstanceId(c, { instance_id: "aa".repeat(20), overwrite: true, dry_run: false }),
  safeCall: (c) =>
    safeRefreshCvmInstanceId(c, {
      instance_id: "aa".repeat(20),
      overwrite: true,
      dry_run: false,
    }),
  expected: refreshResult(),
});

describe("argument checks (nothing sent)", () => {
  it("body arguments of CVM actions are type-checked", async () => {
    await refused((c) => refreshCvmInstanceId(c, bad({ id: "cvm_1", dryRun: true })), "dryRun");
  });
});

describe("request details", () => {
  it("accepts status values the SDK does not know yet", async () => {
    const { client } = setup({ body: refreshResult({ status: "quarantined", source: "oracle" }) });
    const result = await refreshCvmInstanceId(client, { id: "cvm_1" });
    expect(result.status).toBe("quarantined");
  });
});

describe("the VM record's id by version", () => {
  const hashid = "cvm_ykL5lbAn";

  // With replicateCvm's part (replicate-cvm.test.ts), what was
  // "replicateCvm and refreshCvmInstanceId follow the version too".
  it("refreshCvmInstanceId follows the version too", async () => {
    const refreshed = setup({ body: refreshResult({ cvm_id: hashid }) }, "2026-05-22");
    await expect(refreshCvmInstanceId(refreshed.client, { id: hashid })).resolves.toMatchObject({
      cvm_id: hashid,
    });
    const numeric = setup({ body: refreshResult({ cvm_id: 0 }) }, "2026-05-22");
    await expect(refreshCvmInstanceId(numeric.client, { id: hashid })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });
});
