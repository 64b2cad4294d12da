import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResponseValidationError, UnprocessableEntityError } from "../../errors";
import { APP_HEX } from "../../test-utils";
import { commitCvmProvision, safeCommitCvmProvision } from "./commit-cvm-provision";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { COMPOSE_HASH, vm } from "./fixtures.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "commitCvmProvision",
  method: "POST",
  path: "/cvms",
  body: { app_id: APP_HEX, compose_hash: COMPOSE_HASH, encrypted_env: "00ff", env_keys: ["A"] },
  reply: { status: 201, body: vm() },
  call: (c) =>
    commitCvmProvision(c, {
      app_id: APP_HEX,
      compose_hash: COMPOSE_HASH,
      encrypted_env: "00ff",
      env_keys: ["A"],
    }),
  safeCall: (c) =>
    safeCommitCvmProvision(c, {
      app_id: APP_HEX,
      compose_hash: COMPOSE_HASH,
      encrypted_env: "00ff",
      env_keys: ["A"],
    }),
  expected: vm(),
});

describe("argument checks (nothing sent)", () => {
  it("commitCvmProvision: app_id, compose_hash, hex env", async () => {
    await refused((c) => commitCvmProvision(c, bad({ compose_hash: COMPOSE_HASH })), "app_id");
    await refused((c) => commitCvmProvision(c, bad({ app_id: APP_HEX })), "compose_hash");
    await refused(
      (c) =>
        commitCvmProvision(c, {
          app_id: APP_HEX,
          compose_hash: COMPOSE_HASH,
          encrypted_env: "not hex",
        }),
      "encrypted_env",
    );
  });
});

describe("request details", () => {
  // With startCvm's 409 (start-cvm.test.ts), what was "maps 409 and 422 answers to their error classes".
  it("maps a 422 answer to its error class", async () => {
    const invalid = setup({
      status: 422,
      body: {
        detail: [{ type: "missing", loc: ["body", "app_id"], msg: "Field required", input: {} }],
      },
    });
    expect(
      await commitCvmProvision(invalid.client, {
        app_id: APP_HEX,
        compose_hash: COMPOSE_HASH,
      }).catch((e: unknown) => e),
    ).toBeInstanceOf(UnprocessableEntityError);
  });
});

describe("the VM record's id by version", () => {
  it("commitCvmProvision: a 2026-05-22 client rejects a numeric id", async () => {
    const { client } = setup({ body: vm({ id: 0 }) }, "2026-05-22");
    const error = await commitCvmProvision(client, {
      app_id: APP_HEX,
      compose_hash: COMPOSE_HASH,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ endpoint: "commitCvmProvision", apiVersion: "2026-05-22" });
    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toContain("id");
  });

  // With startCvm's part (start-cvm.test.ts), what was "a 2026-01-21 client accepts the placeholder 0, and rejects a hashid".
  it("a 2026-01-21 client accepts the placeholder 0", async () => {
    const { client } = setup({ body: vm({ id: 0 }) }, "2026-01-21");
    await expect(
      commitCvmProvision(client, { app_id: APP_HEX, compose_hash: COMPOSE_HASH }),
    ).resolves.toMatchObject({ id: 0 });
  });
});
