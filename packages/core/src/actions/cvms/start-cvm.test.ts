import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictError, RequestValidationError, ResponseValidationError } from "../../errors";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { vm } from "./fixtures.test-support";
import { safeStartCvm, startCvm } from "./start-cvm";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "startCvm",
  method: "POST",
  path: "/cvms/price-oracle/start",
  body: undefined,
  reply: { body: vm() },
  call: (c) => startCvm(c, { name: "price-oracle" }),
  safeCall: (c) => safeStartCvm(c, { name: "price-oracle" }),
  expected: vm(),
});

describe("argument checks (nothing sent)", () => {
  it("CVM actions need exactly one identifier", async () => {
    await refused((c) => startCvm(c, bad({})), "id");
  });

  it("safe twins resolve the RequestValidationError", async () => {
    const { fake, client } = setup({ body: {} });
    const result = await safeStartCvm(client, bad({}));
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect(fake.calls).toHaveLength(0);
  });
});

describe("request details", () => {
  it("sends the per-call version", async () => {
    const { fake, client } = setup({ body: vm({ id: 4101, user_id: 1001 }) });
    const result = await startCvm(client, { id: "cvm_1" }, { version: "2025-10-28" });
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2025-10-28");
    expect(result.id).toBe(4101);
  });

  // With commitCvmProvision's 422 (commit-cvm-provision.test.ts), what was "maps 409 and 422 answers to their error classes".
  it("maps a 409 answer to its error class", async () => {
    const conflict = setup({
      status: 409,
      body: {
        detail: {
          error_code: "ERR-02-008",
          message: "CVM is running",
          details: [],
          suggestions: [],
          links: [],
        },
      },
    });
    const error = await startCvm(conflict.client, { id: "cvm_1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).errorCode).toBe("ERR-02-008");
  });
});

describe("the VM record's id by version", () => {
  const hashid = "cvm_ykL5lbAn";

  it("a 2026-05-22 client takes the cvm_... id and a usr_... user_id", async () => {
    const { fake, client } = setup(
      { body: vm({ id: hashid, user_id: "usr_abc123" }) },
      "2026-05-22",
    );
    const started = await startCvm(client, { id: hashid });
    expect(started).toMatchObject({ id: hashid, user_id: "usr_abc123" });
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-05-22");
  });

  it("startCvm: a 2026-05-22 client rejects a numeric id", async () => {
    const { client } = setup({ body: vm({ id: 0 }) }, "2026-05-22");
    const error = await startCvm(client, { id: hashid }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ endpoint: "startCvm", apiVersion: "2026-05-22" });
    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toContain("id");
  });

  // commitCvmProvision's placeholder 0 is checked in commit-cvm-provision.test.ts.
  it("a 2026-01-21 client accepts the placeholder 0, and rejects a hashid", async () => {
    const { client } = setup({ body: vm({ id: 0 }) }, "2026-01-21");
    await expect(startCvm(client, { id: hashid })).resolves.toMatchObject({ id: 0 });
    const hashids = setup({ body: vm({ id: hashid }) }, "2026-01-21");
    await expect(startCvm(hashids.client, { id: hashid })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });
});
