import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { HASH } from "./fixtures.test-support";
import { getCvmCommitUpdateInfo, safeGetCvmCommitUpdateInfo } from "./get-cvm-commit-update-info";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const info = { cvm_id: "cvm_1", compose_hash: HASH, onchain_status: { is_allowed: false } };

describeActionCall({
  name: "getCvmCommitUpdateInfo",
  method: "GET",
  path: "/cvms/cvm_1/commit-update?token=ct_1",
  body: undefined,
  reply: { body: info },
  call: (c) => getCvmCommitUpdateInfo(c, { id: "cvm_1", token: "ct_1" }),
  safeCall: (c) => safeGetCvmCommitUpdateInfo(c, { id: "cvm_1", token: "ct_1" }),
  expected: info,
});

describe("getCvmCommitUpdateInfo", () => {
  it("sends the token as a query parameter; the open answer is kept whole", async () => {
    const { fake, client } = setup({ body: { ...info, extra: [1, 2] } });
    await expect(getCvmCommitUpdateInfo(client, { name: "web-1", token: "ct 2" })).resolves.toEqual(
      {
        ...info,
        extra: [1, 2],
      },
    );
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/web-1/commit-update?token=ct+2`);
  });

  it("an unknown or spent token is an error", async () => {
    const { client } = setup({
      status: 409,
      body: { detail: { message: "Commit token is invalid" } },
    });
    await expect(
      getCvmCommitUpdateInfo(client, { id: "cvm_1", token: "ct_x" }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a missing token before sending", async () => {
    await refused((c) => getCvmCommitUpdateInfo(c, bad({ id: "cvm_1" })), "token");
    await refused((c) => getCvmCommitUpdateInfo(c, { id: "cvm_1", token: " " }), "token");
  });
});
