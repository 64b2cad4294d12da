import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_BASE_URL } from "../../test-utils";
import { invalid, setup } from "./cvms.test-support";
import { expectedRegistration, HASH, registrationRequiredBody, TX } from "./fixtures.test-support";
import { safeUpgradePreLaunchScript, upgradePreLaunchScript } from "./upgrade-pre-launch-script";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const PATH = "/cvms/cvm_1/pre-launch-script/upgrade-to-latest-official";
const inProgress = { status: "in_progress", message: "queued", correlation_id: "op_1" };

describe("upgradePreLaunchScript", () => {
  it("POSTs without a body or registration headers and resolves in_progress", async () => {
    const { fake, client } = setup({ status: 202, body: inProgress });
    await expect(upgradePreLaunchScript(client, { id: "cvm_1" })).resolves.toEqual({
      ...inProgress,
      allowed_envs_changed: null,
    });
    const sent = fake.calls[0]!;
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe(`${TEST_BASE_URL}${PATH}`);
    expect(sent.body).toBeUndefined();
    expect(sent.headers["x-compose-hash"]).toBeUndefined();
    expect(sent.headers["x-transaction-hash"]).toBeUndefined();
  });

  it("answers the on-chain 465 as precondition_required, kms_info with its chain", async () => {
    const { client } = setup({ status: 465, body: registrationRequiredBody() });
    const result = await upgradePreLaunchScript(client, { id: "cvm_1" });
    expect(result).toEqual(expectedRegistration);
    if (result.status !== "precondition_required") throw new Error("expected the 465 result");
    expect(result.kms_info?.chain?.id).toBe(8453);
  });

  it("sends the follow-up's compose_hash and transaction_hash as headers", async () => {
    const { fake, client } = setup({ status: 202, body: inProgress });
    await upgradePreLaunchScript(client, { id: "cvm_1", compose_hash: HASH, transaction_hash: TX });
    expect(fake.calls[0]!.headers["x-compose-hash"]).toBe(HASH);
    expect(fake.calls[0]!.headers["x-transaction-hash"]).toBe(TX);
    expect(fake.calls[0]!.body).toBeUndefined();
  });

  it("resolves no_change when the CVM runs the latest official script", async () => {
    const noChange = { status: "no_change", message: "Already the latest official script" };
    const { client } = setup({ status: 202, body: noChange });
    await expect(upgradePreLaunchScript(client, { id: "cvm_1" })).resolves.toEqual(noChange);
  });

  it("refuses a bad hash, a bad transaction hash or an unknown argument, sending nothing", async () => {
    const { fake, client } = setup();
    const name = "upgradePreLaunchScript";
    await invalid(
      upgradePreLaunchScript(client, { id: "cvm_1", compose_hash: "0x12" }),
      name,
      "compose_hash",
    );
    await invalid(
      upgradePreLaunchScript(client, { id: "cvm_1", transaction_hash: "0x12" }),
      name,
      "transaction_hash",
    );
    await invalid(
      upgradePreLaunchScript(client, { id: "cvm_1", composeHash: HASH } as never),
      name,
      "composeHash",
    );
    expect(fake.calls).toHaveLength(0);
  });

  it("has a safe twin", async () => {
    const ok = await safeUpgradePreLaunchScript(setup({ status: 202, body: inProgress }).client, {
      id: "cvm_1",
    });
    expect(ok.success).toBe(true);
    const failed = await safeUpgradePreLaunchScript(
      setup({ status: 400, body: { detail: "not an official script" } }).client,
      { id: "cvm_1" },
    );
    expect(failed.success).toBe(false);
  });
});
