import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { refreshResult } from "./fixtures.test-support";
import { refreshCvmInstanceIds, safeRefreshCvmInstanceIds } from "./refresh-cvm-instance-ids";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "refreshCvmInstanceIds",
  method: "PATCH",
  path: "/cvms/instance-ids",
  body: { running_only: true, limit: 10 },
  reply: {
    body: {
      total: 1,
      scanned: 1,
      updated: 0,
      unchanged: 1,
      skipped: 0,
      conflicts: 0,
      errors: 0,
      items: [refreshResult()],
    },
  },
  call: (c) => refreshCvmInstanceIds(c, { running_only: true, limit: 10 }),
  safeCall: (c) => safeRefreshCvmInstanceIds(c, { running_only: true, limit: 10 }),
  expected: {
    total: 1,
    scanned: 1,
    updated: 0,
    unchanged: 1,
    skipped: 0,
    conflicts: 0,
    errors: 0,
    items: [refreshResult()],
  },
});

describe("argument checks (nothing sent)", () => {
  it("refreshCvmInstanceIds: limit 1 to 500", async () => {
    await refused((c) => refreshCvmInstanceIds(c, { limit: 501 }), "limit");
    await refused((c) => refreshCvmInstanceIds(c, { limit: 0 }), "limit");
    await refused((c) => refreshCvmInstanceIds(c, bad({ cvm_ids: "cvm_1" })), "cvm_ids");
  });
});

describe("request details", () => {
  it("refreshCvmInstanceIds may be called without arguments", async () => {
    const body = {
      total: 0,
      scanned: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      conflicts: 0,
      errors: 0,
      items: [],
    };
    const { fake, client } = setup({ body });
    expect(await refreshCvmInstanceIds(client)).toEqual(body);
    expect(fake.calls[0]!.body).toEqual({});
  });
});
