import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import {
  expectedRegistration,
  HASH,
  registrationRequiredBody,
  TX,
  YAML,
} from "./fixtures.test-support";
import { safeSubmitCvmComposeFile, submitCvmComposeFile } from "./submit-cvm-compose-file";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const compose_file = { name: "price-oracle", docker_compose_file: YAML, salt: "kept as is" };
const args = { id: "cvm_1", compose_file, compose_hash: HASH };

describeActionCall({
  name: "submitCvmComposeFile",
  method: "POST",
  path: "/cvms/cvm_1/compose_file",
  body: { compose_file, compose_hash: HASH },
  reply: { status: 202, body: { correlation_id: "op_3" } },
  call: (c) => submitCvmComposeFile(c, args),
  safeCall: (c) => safeSubmitCvmComposeFile(c, args),
  expected: { status: "accepted", correlation_id: "op_3" },
});

describe("submitCvmComposeFile", () => {
  it("sends encrypted_env and env_keys; transaction_hash goes as headers", async () => {
    const { fake, client } = setup({ status: 202, body: { correlation_id: "op_4" } });
    await submitCvmComposeFile(client, {
      ...args,
      encrypted_env: "00ff",
      env_keys: ["API_KEY"],
      transaction_hash: TX,
    });
    const call = fake.calls[0]!;
    expect(call.body).toEqual({
      compose_file,
      compose_hash: HASH,
      encrypted_env: "00ff",
      env_keys: ["API_KEY"],
    });
    expect(call.headers["x-compose-hash"]).toBe(HASH);
    expect(call.headers["x-transaction-hash"]).toBe(TX);
  });

  it("an on-chain app's 465 is the typed precondition_required result", async () => {
    const { client } = setup({ status: 465, body: registrationRequiredBody() });
    await expect(submitCvmComposeFile(client, args)).resolves.toEqual(expectedRegistration);
  });

  it("refuses a compose without a name, a bad hash or bad env vars", async () => {
    await refused(
      (c) =>
        submitCvmComposeFile(c, { ...args, compose_file: { docker_compose_file: YAML } as never }),
      "compose_file.name",
    );
    await refused((c) => submitCvmComposeFile(c, { ...args, compose_hash: "abc" }), "compose_hash");
    await refused(
      (c) => submitCvmComposeFile(c, { ...args, encrypted_env: "zz" }),
      "encrypted_env",
    );
    await refused(
      (c) => submitCvmComposeFile(c, bad({ id: "cvm_1", compose_hash: HASH })),
      "compose_file",
    );
  });
});
