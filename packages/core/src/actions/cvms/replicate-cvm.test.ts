import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { isComposeHashRegistrationRequired } from "../../registration";
import {
  APP_HEX,
  type FakeReply,
  fakeFetch,
  TEST_API_KEY,
  TEST_BASE_URL,
  VM_UUID,
} from "../../test-utils";
import { commitCvmReplica } from "./commit-cvm-replica";
import { describeActionCall, refused, setup } from "./cvms.test-support";
import { COMPOSE_HASH, KMS_INFO, UUID_HEX, vm } from "./fixtures.test-support";
import { replicateCvm, safeReplicateCvm } from "./replicate-cvm";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "replicateCvm",
  method: "POST",
  path: "/cvms/cvm_1/replicas",
  body: { node_id: 9 },
  reply: { status: 201, body: vm({ teepod_id: 9 }) },
  call: (c) => replicateCvm(c, { id: "cvm_1", node_id: 9 }),
  safeCall: (c) => safeReplicateCvm(c, { id: "cvm_1", node_id: 9 }),
  expected: vm({ teepod_id: 9 }),
});

describe("replicas: replicateCvm and commitCvmReplica", () => {
  const TX = `0x${"cd".repeat(32)}`;
  /** The structured 465 of an app whose KMS is its own on-chain contract. */
  const registrationBody = {
    detail: {
      error_code: "ERR-01-005",
      message: "Compose hash registration required on-chain",
      details: [
        { field: "compose_hash", value: COMPOSE_HASH, message: null },
        { field: "app_id", value: APP_HEX, message: null },
        { field: "device_id", value: "ef".repeat(32), message: null },
        { field: "kms_info", value: KMS_INFO, message: null },
        { field: "commit_token", value: "rt_1", message: null },
        { field: "commit_url", value: "https://cloud.example/commit?token=rt_1", message: null },
        {
          field: "api_commit_url",
          value: "https://api.example/cvms/cvm_1/commit-replica",
          message: null,
        },
        {
          field: "onchain_status",
          value: { compose_hash_allowed: true, device_id_allowed: false, is_allowed: false },
          message: null,
        },
      ],
    },
  };

  it("sends node_id, teepod_id, encrypted_env and compose_hash, and X-Prepare-Only", async () => {
    const { fake, client } = setup({ status: 201, body: vm({ teepod_id: 9 }) });
    await replicateCvm(client, {
      id: "cvm_1",
      node_id: 9,
      teepod_id: 12,
      encrypted_env: "00ff",
      compose_hash: COMPOSE_HASH,
      prepareOnly: true,
    });
    const call = fake.calls[0]!;
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1/replicas`);
    // node_id and teepod_id are two ids, both forwarded as given.
    expect(call.body).toEqual({
      node_id: 9,
      teepod_id: 12,
      encrypted_env: "00ff",
      compose_hash: COMPOSE_HASH,
    });
    expect(call.headers["x-prepare-only"]).toBe("true");
    await replicateCvm(client, { id: "cvm_1" });
    expect(fake.calls[1]!.headers["x-prepare-only"]).toBeUndefined();
    expect(fake.calls[1]!.body).toEqual({});
  });

  // The whole two-step flow: the 465 of replicateCvm, then commitCvmReplica with its token.
  it("returns the contract-owned KMS 465 as precondition_required, then commits it", async () => {
    const answers: FakeReply[] = [
      { status: 465, body: registrationBody },
      { status: 200, body: vm({ teepod_id: 9, status: "starting" }) },
    ];
    const replies = fakeFetch((_call, index) => answers[index]!);
    const twoStep = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: replies.fetch,
    });
    const first = await replicateCvm(twoStep, { uuid: VM_UUID, node_id: 9, prepareOnly: true });
    expect(isComposeHashRegistrationRequired(first)).toBe(true);
    expect(first).toEqual({
      status: "precondition_required",
      message: "Compose hash registration required on-chain",
      error_code: "ERR-01-005",
      compose_hash: COMPOSE_HASH,
      app_id: APP_HEX,
      device_id: "ef".repeat(32),
      kms_info: KMS_INFO,
      commit_token: "rt_1",
      commit_url: "https://cloud.example/commit?token=rt_1",
      api_commit_url: "https://api.example/cvms/cvm_1/commit-replica",
      onchain_status: { compose_hash_allowed: true, device_id_allowed: false, is_allowed: false },
    });
    if (!isComposeHashRegistrationRequired(first)) throw new Error("expected the 465 result");
    const replica = await commitCvmReplica(twoStep, {
      uuid: VM_UUID,
      token: first.commit_token!,
      composeHash: first.compose_hash,
      transactionHash: TX,
    });
    const commit = replies.calls[1]!;
    expect(commit.method).toBe("POST");
    expect(commit.url).toBe(`${TEST_BASE_URL}/cvms/${UUID_HEX}/commit-replica`);
    expect(commit.body).toEqual({
      token: "rt_1",
      compose_hash: COMPOSE_HASH,
      transaction_hash: TX,
    });
    expect(replica).toMatchObject({ teepod_id: 9, status: "starting", app_id: APP_HEX });
  });

  // commitCvmReplica's part is in commit-cvm-replica.test.ts.
  it("refuses malformed replica arguments before sending", async () => {
    await refused((c) => replicateCvm(c, { id: "cvm_1", teepod_id: 0 }), "teepod_id");
    await refused((c) => replicateCvm(c, { id: "cvm_1", encrypted_env: "xyz" }), "encrypted_env");
    await refused((c) => replicateCvm(c, { id: "cvm_1", compose_hash: "ab" }), "compose_hash");
  });
});

describe("argument checks (nothing sent)", () => {
  it("body arguments of CVM actions are type-checked", async () => {
    await refused((c) => replicateCvm(c, { id: "cvm_1", node_id: 1.5 }), "node_id");
  });
});

describe("request details", () => {
  it("replicateCvm sends an empty object without node_id", async () => {
    const { fake, client } = setup({ body: vm() });
    await replicateCvm(client, { id: "cvm_1" });
    expect(fake.calls[0]!.body).toEqual({});
  });
});

describe("the VM record's id by version", () => {
  const hashid = "cvm_ykL5lbAn";

  // With refreshCvmInstanceId's part (refresh-cvm-instance-id.test.ts), what was
  // "replicateCvm and refreshCvmInstanceId follow the version too".
  it("replicateCvm follows the version too", async () => {
    const replica = setup({ status: 201, body: vm({ id: hashid }) }, "2026-05-22");
    await expect(replicateCvm(replica.client, { id: hashid })).resolves.toMatchObject({
      id: hashid,
    });
  });
});
