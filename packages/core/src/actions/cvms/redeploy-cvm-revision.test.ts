import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { expectedRegistration, registrationRequiredBody, TX } from "./fixtures.test-support";
import { redeployCvmRevision, safeRedeployCvmRevision } from "./redeploy-cvm-revision";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const args = { id: "cvm_1", revision_id: "rev_0a1b" };

describeActionCall({
  name: "redeployCvmRevision",
  method: "POST",
  path: "/cvms/cvm_1/revisions/rev_0a1b/redeploy",
  body: undefined,
  reply: { status: 202, body: { correlation_id: "op_5", status: "in_progress" } },
  call: (c) => redeployCvmRevision(c, args),
  safeCall: (c) => safeRedeployCvmRevision(c, args),
  expected: { status: "accepted", correlation_id: "op_5" },
});

describe("redeployCvmRevision", () => {
  it("an on-chain app's 465 is the typed precondition_required result", async () => {
    const { client } = setup({ status: 465, body: registrationRequiredBody() });
    await expect(redeployCvmRevision(client, args)).resolves.toEqual(expectedRegistration);
  });

  it("the follow-up sends the registering transaction as ?transaction_hash=", async () => {
    const { fake, client } = setup({ status: 202, raw: null });
    await expect(redeployCvmRevision(client, { ...args, transaction_hash: TX })).resolves.toEqual({
      status: "accepted",
      correlation_id: null,
    });
    const url = new URL(fake.calls[0]!.url);
    expect(url.pathname).toBe("/api/v1/cvms/cvm_1/revisions/rev_0a1b/redeploy");
    expect(url.searchParams.get("transaction_hash")).toBe(TX);
  });

  it("refuses a missing revision or a malformed transaction hash", async () => {
    await refused((c) => redeployCvmRevision(c, bad({ id: "cvm_1" })), "revision_id");
    await refused(
      (c) => redeployCvmRevision(c, { ...args, transaction_hash: "0x12" }),
      "transaction_hash",
    );
  });
});
