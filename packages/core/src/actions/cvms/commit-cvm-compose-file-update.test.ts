import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_BASE_URL } from "../../test-utils";
import {
  commitCvmComposeFileUpdate,
  safeCommitCvmComposeFileUpdate,
} from "./commit-cvm-compose-file-update";
import { invalid, setup } from "./cvms.test-support";
import {
  APP,
  expectedRegistration,
  HASH,
  registrationRequiredBody,
  TX,
} from "./fixtures.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("commitCvmComposeFileUpdate", () => {
  it("PATCHes /compose_file and turns the empty 202 into { status: 'accepted' }", async () => {
    const { fake, client } = setup({ status: 202, raw: null });
    const result = await commitCvmComposeFileUpdate(client, {
      app_id: APP,
      compose_hash: HASH,
      encrypted_env: "00ff",
      env_keys: ["KEY"],
    });
    const call = fake.calls[0]!;
    expect(call.method).toBe("PATCH");
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/app_${APP}/compose_file`);
    expect(call.body).toEqual({ compose_hash: HASH, encrypted_env: "00ff", env_keys: ["KEY"] });
    expect(call.headers["x-transaction-hash"]).toBeUndefined();
    expect(result).toEqual({ status: "accepted", correlation_id: null });
  });

  it("sends the registration proof as headers, not in the body", async () => {
    const { fake, client } = setup({ status: 202, body: { correlation_id: "op_1" } });
    const result = await commitCvmComposeFileUpdate(client, {
      id: "cvm_1",
      compose_hash: HASH,
      transaction_hash: TX,
    });
    expect(fake.calls[0]!.headers["x-compose-hash"]).toBe(HASH);
    expect(fake.calls[0]!.headers["x-transaction-hash"]).toBe(TX);
    expect(fake.calls[0]!.body).toEqual({ compose_hash: HASH });
    expect(result).toEqual({ status: "accepted", correlation_id: "op_1" });
  });

  it("returns a 465 as precondition_required", async () => {
    const { client } = setup({ status: 465, body: registrationRequiredBody() });
    const result = await commitCvmComposeFileUpdate(client, { id: "cvm_1", compose_hash: HASH });
    expect(result).toEqual(expectedRegistration);
    const safeResult = await safeCommitCvmComposeFileUpdate(client, {
      id: "cvm_1",
      compose_hash: HASH,
    });
    expect(safeResult).toEqual({ success: true, data: expectedRegistration });
  });

  it("refuses a malformed compose or transaction hash", async () => {
    const { fake, client } = setup();
    await invalid(
      commitCvmComposeFileUpdate(client, { id: "cvm_1", compose_hash: "abc" }),
      "commitCvmComposeFileUpdate",
      "compose_hash",
    );
    await invalid(
      commitCvmComposeFileUpdate(client, {
        id: "cvm_1",
        compose_hash: HASH,
        transaction_hash: HASH,
      }),
      "commitCvmComposeFileUpdate",
      "transaction_hash",
    );
    expect(fake.calls).toHaveLength(0);
  });
});
