import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResponseValidationError } from "../../errors";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { vm } from "./fixtures.test-support";
import { restartCvm, safeRestartCvm } from "./restart-cvm";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "restartCvm",
  method: "POST",
  path: "/cvms/cvm_1/restart",
  body: { force: true },
  reply: { body: vm({ status: "restarting" }) },
  call: (c) => restartCvm(c, { id: "cvm_1", force: true }),
  safeCall: (c) => safeRestartCvm(c, { id: "cvm_1", force: true }),
  expected: vm({ status: "restarting" }),
});

describe("argument checks (nothing sent)", () => {
  it("body arguments of CVM actions are type-checked", async () => {
    await refused((c) => restartCvm(c, bad({ id: "cvm_1", force: "yes" })), "force");
  });
});

describe("request details", () => {
  it("restartCvm sends force: false when not given", async () => {
    const { fake, client } = setup({ body: vm({ status: "restarting" }) });
    await restartCvm(client, { id: "cvm_1" });
    expect(fake.calls[0]!.body).toEqual({ force: false });
  });
});

describe("the VM record's id by version", () => {
  const hashid = "cvm_ykL5lbAn";

  it("a per-call version chooses the schema for that call", async () => {
    const { client } = setup({ body: vm({ id: hashid }) });
    await expect(
      restartCvm(client, { id: hashid }, { version: "2026-05-22" }),
    ).resolves.toMatchObject({ id: hashid });
    await expect(restartCvm(client, { id: hashid })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });
});
