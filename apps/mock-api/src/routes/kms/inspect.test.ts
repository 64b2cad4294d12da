import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

const key = SEED.apiKeys.demo;
let api: RunningMockApi;

beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());

const inspect = (id: string, version?: string) =>
  getJson(api.url, `/kms/${id}/info`, { apiKey: key, version });

describe("GET /kms/{kms_id}/info", () => {
  it("an on-chain KMS node by slug: its RPC, guest agent, nodes and contract", async () => {
    const { status, body } = await inspect(SEED.kms.base.slug);
    expect(status).toBe(200);
    expect(contractMismatches("GET /kms/{kms_id}/info", body)).toEqual([]);
    expect(body).toMatchObject({
      id: SEED.kms.base.id,
      slug: "base-prod",
      kms_type: "base",
      rpc: { chain_id: 8453, version_synced: true },
      rpc_error: null,
      guest_agent_error: null,
    });
    expect(body.teepods.map((node: { name: string }) => node.name)).toEqual([
      "prod5",
      "prod7",
      "prod9",
    ]);
    expect(body.on_chain.kms_info.k256_pubkey).toBe(body.rpc.bootstrap_info.k256_pubkey);
    expect(body.on_chain.verification.k256_pubkey_match).toBe(true);
  });

  it("the Phala KMS by id has no contract; the same answer in every version", async () => {
    const phala = await inspect(SEED.kms.phala.id);
    expect(phala.body).toMatchObject({
      kms_type: "phala",
      on_chain: null,
      rpc: { chain_id: null },
    });
    const latest = await inspect(SEED.kms.phala.id, "2026-06-23");
    expect(latest.body).toEqual(phala.body);
  });

  it("an unknown KMS is the API's 404", async () => {
    const { status, body } = await inspect("kms_nope");
    expect(status).toBe(404);
    expect(body.detail.error_code).toBe("ERR-02-011");
  });
});
