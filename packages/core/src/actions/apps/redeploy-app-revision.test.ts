import { describe, expect, it } from "vitest";
import { createBaseClient } from "../../client";
import { isComposeHashRegistrationRequired } from "../../registration";
import { APP_HEX, type FakeReply, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import { expectInvalid, setup } from "./apps.test-support";
import { redeployAppRevision, safeRedeployAppRevision } from "./redeploy-app-revision";

/** A client whose fetch answers `reply` (a status and body of its own). */
function answering(reply: FakeReply) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
  });
  return { client, call: () => fake.calls[0]! };
}

const HASH = "ab".repeat(32);
const TX = `0x${"cd".repeat(32)}`;
const path = `${TEST_BASE_URL}/apps/${APP_HEX}/revisions/rev_1/redeploy`;

describe("redeployAppRevision", () => {
  it("POSTs the redeploy; the 202 is `accepted` with its correlation id", async () => {
    const { client, call } = answering({
      status: 202,
      body: { correlation_id: "op_1", status: "in_progress", message: "Redeploying" },
    });
    const result = await redeployAppRevision(client, { appId: APP_HEX, revisionId: "rev_1" });
    expect(call().method).toBe("POST");
    expect(call().url).toBe(path);
    expect(call().body).toBeUndefined();
    expect(result).toEqual({ status: "accepted", correlation_id: "op_1" });
  });

  it("sends vm_uuids as the body and the transaction as transaction_hash", async () => {
    const { client, call } = answering({ status: 202, body: {} });
    const result = await redeployAppRevision(client, {
      appId: APP_HEX,
      revisionId: "rev_1",
      vm_uuids: ["bf1b6f57147045319ad922013366635b"],
      transactionHash: TX,
    });
    expect(call().url).toBe(`${path}?transaction_hash=${TX}`);
    expect(call().body).toEqual({ vm_uuids: ["bf1b6f57147045319ad922013366635b"] });
    expect(result).toEqual({ status: "accepted", correlation_id: null });
  });

  it("an on-chain app whose contract does not allow the revision's hash: the typed 465", async () => {
    const { client } = answering({
      status: 465,
      body: {
        detail: {
          error_code: "ERR-01-005",
          message: "Compose hash registration required on-chain",
          details: [
            { field: "compose_hash", value: HASH, message: null },
            { field: "app_id", value: `0x${APP_HEX}`, message: null },
          ],
        },
      },
    });
    const result = await redeployAppRevision(client, { appId: APP_HEX, revisionId: "rev_1" });
    expect(isComposeHashRegistrationRequired(result)).toBe(true);
    expect(result).toMatchObject({ status: "precondition_required", compose_hash: HASH });
  });

  it("refuses a malformed transaction hash or revision before sending", async () => {
    const { client, fake } = setup({});
    await expectInvalid(
      redeployAppRevision(client, { appId: APP_HEX, revisionId: "rev_1", transactionHash: "0x1" }),
      "redeployAppRevision",
      "transactionHash",
    );
    const result = await safeRedeployAppRevision(client, { appId: APP_HEX, revisionId: "" });
    expect(result.error?.name).toBe("RequestValidationError");
    expect(fake.calls).toHaveLength(0);
  });
});
