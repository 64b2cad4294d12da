import { afterEach, beforeEach, describe, it, vi } from "vitest";
import { describeActionCall, refused } from "./cvms.test-support";
import { deleteCvm, safeDeleteCvm } from "./delete-cvm";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "deleteCvm",
  method: "DELETE",
  path: "/cvms/cvm_1",
  body: undefined,
  reply: { status: 204, raw: null },
  call: (c) => deleteCvm(c, { id: "cvm_1" }),
  safeCall: (c) => safeDeleteCvm(c, { id: "cvm_1" }),
  expected: undefined,
});

describe("argument checks (nothing sent)", () => {
  it("CVM actions need exactly one identifier", async () => {
    await refused((c) => deleteCvm(c, { id: " " }), "id");
  });
});
