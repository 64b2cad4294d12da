import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";
import { kmsPrivateKeyFor } from "./keys";

const key = SEED.apiKeys.demo;
let api: RunningMockApi;

beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());

describe("GET /kms", () => {
  it("lists the seeded KMS and filters on-chain ones", async () => {
    const all = await getJson(api.url, "/kms", { apiKey: key });
    expect(all.status).toBe(200);
    expect(contractMismatches("GET /kms", all.body)).toEqual([]);
    expect(all.body.items.map((kms: any) => kms.slug)).toEqual([
      "phala-prod",
      "base-prod",
      "ethereum-prod",
    ]);
    const onChain = await getJson(api.url, "/kms?is_onchain=true", { apiKey: key });
    expect(onChain.body.items.map((kms: any) => kms.chain_id)).toEqual([8453, 1]);
    const offChain = await getJson(api.url, "/kms?is_onchain=false&page_size=1", { apiKey: key });
    expect(offChain.body).toMatchObject({
      total: 1,
      pages: 1,
      items: [{ slug: "phala-prod", chain_id: null }],
    });
  });

  it("answers 422 for bad paging", async () => {
    const response = await getJson(api.url, "/kms?page=0", { apiKey: key });
    expect(response.status).toBe(422);
    expect(response.body.detail[0].loc).toEqual(["query", "page"]);
  });
});

describe("GET /kms/{kms_id}", () => {
  it("finds a KMS by id or slug", async () => {
    const byId = await getJson(api.url, `/kms/${SEED.kms.base.id}`, { apiKey: key });
    expect(byId.status).toBe(200);
    expect(contractMismatches("GET /kms/{kms_id}", byId.body)).toEqual([]);
    const bySlug = await getJson(api.url, "/kms/base-prod", { apiKey: key });
    expect(bySlug.body).toEqual(byId.body);
  });

  it("answers 404 with ERR-02-011", async () => {
    const response = await getJson(api.url, "/kms/nope", { apiKey: key });
    expect(response.status).toBe(404);
    expect(response.body.detail).toMatchObject({
      error_code: "ERR-02-011",
      message: "KMS not found",
    });
  });
});

describe("GET /kms/{kms}/pubkey/{app_id}", () => {
  const appId = SEED.apps.web.appId;

  it("returns a stable X25519 public key whose private half the mock keeps", async () => {
    const first = await getJson(api.url, `/kms/phala-prod/pubkey/${appId}`, { apiKey: key });
    expect(first.status).toBe(200);
    expect(contractMismatches("GET /kms/{kms_id}/pubkey/{app_id}", first.body)).toEqual([]);
    expect(first.body.public_key).toMatch(/^[0-9a-f]{64}$/);
    expect(first.body.signature).toMatch(/^[0-9a-f]{130}$/);
    const again = await getJson(api.url, `/kms/${SEED.kms.phala.id}/pubkey/0x${appId}`, {
      apiKey: key,
    });
    expect(again.body).toEqual(first.body);

    // Agreement with the kept private key gives the same secret as with the public key.
    const ephemeral = (await crypto.subtle.generateKey({ name: "X25519" }, true, [
      "deriveBits",
    ])) as CryptoKeyPair;
    const kmsPublic = await crypto.subtle.importKey(
      "raw",
      Uint8Array.from(first.body.public_key.match(/../g), (h: string) => Number.parseInt(h, 16)),
      { name: "X25519" },
      true,
      [],
    );
    const sent = await crypto.subtle.deriveBits(
      { name: "X25519", public: kmsPublic },
      ephemeral.privateKey,
      256,
    );
    const received = await crypto.subtle.deriveBits(
      { name: "X25519", public: ephemeral.publicKey },
      kmsPrivateKeyFor(api.state, "phala-prod", appId),
      256,
    );
    expect(new Uint8Array(received)).toEqual(new Uint8Array(sent));
  });

  it("gives each app and each KMS its own key", async () => {
    const web = await getJson(api.url, `/kms/phala-prod/pubkey/${appId}`, { apiKey: key });
    const ci = await getJson(api.url, `/kms/phala-prod/pubkey/${SEED.apps.ci.appId}`, {
      apiKey: key,
    });
    const base = await getJson(api.url, `/kms/base-prod/pubkey/${appId}`, { apiKey: key });
    expect(new Set([web.body.public_key, ci.body.public_key, base.body.public_key]).size).toBe(3);
  });

  it("has no private key before the public key was asked for", () => {
    expect(() => kmsPrivateKeyFor(api.state, "phala-prod", "ab".repeat(20))).toThrow(/request/);
  });

  it("answers 422 for a malformed app id and 404 for an unknown KMS", async () => {
    const bad = await getJson(api.url, "/kms/phala-prod/pubkey/xyz", { apiKey: key });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(["path", "app_id"]);
    const unknown = await getJson(api.url, `/kms/nope/pubkey/${appId}`, { apiKey: key });
    expect(unknown.body.detail.error_code).toBe("ERR-02-011");
  });
});

describe("GET /kms/phala/next_app_id", () => {
  it("returns consecutive nonces after the workspace's apps, ids unlike existing ones", async () => {
    const response = await getJson(api.url, "/kms/phala/next_app_id?counts=3", { apiKey: key });
    expect(response.status).toBe(200);
    expect(contractMismatches("GET /kms/phala/next_app_id", response.body)).toEqual([]);
    expect(response.body.app_ids.map((entry: any) => entry.nonce)).toEqual([4, 5, 6]);
    for (const entry of response.body.app_ids) {
      expect(entry.app_id).toMatch(/^[0-9a-f]{40}$/);
      expect(api.state.apps.has(entry.app_id)).toBe(false);
    }
    const one = await getJson(api.url, "/kms/phala/next_app_id", { apiKey: key });
    expect(one.body.app_ids).toEqual([response.body.app_ids[0]]);
  });

  it("answers 422 for counts over 20", async () => {
    const response = await getJson(api.url, "/kms/phala/next_app_id?counts=21", { apiKey: key });
    expect(response.status).toBe(422);
    expect(response.body.detail[0]).toMatchObject({
      type: "less_than_equal",
      loc: ["query", "counts"],
    });
  });
});

describe("GET /kms/on-chain/{chain}", () => {
  it("lists the chain's KMS contracts with the seeded devices and images", async () => {
    const response = await getJson(api.url, "/kms/on-chain/base", { apiKey: key });
    expect(response.status).toBe(200);
    expect(contractMismatches("GET /kms/on-chain/{chain}", response.body)).toEqual([]);
    expect(response.body).toMatchObject({ chain_name: "base", chain_id: 8453 });
    const [contract] = response.body.contracts;
    expect(contract.contract_address).toBe(api.state.kms.get(SEED.kms.base.id)!.contractAddress);
    expect(contract.devices.map((device: any) => device.node_name)).toEqual([
      "prod5",
      "prod7",
      "prod9",
    ]);
    expect(
      contract.os_images.find((image: any) => image.name === "dstack-dev-0.5.3").on_chain_allowed,
    ).toBe(false);
    const byId = await getJson(api.url, "/kms/on-chain/1", { apiKey: key });
    expect(byId.body.chain_name).toBe("ethereum");
  });

  it("answers 404 for a chain it does not support", async () => {
    const response = await getJson(api.url, "/kms/on-chain/solana", { apiKey: key });
    expect(response).toMatchObject({
      status: 404,
      body: { detail: "Chain 'solana' is not supported" },
    });
  });
});
