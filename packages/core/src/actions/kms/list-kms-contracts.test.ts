import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RequestValidationError, ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { contract, itPinsContractCentric, kms, setup } from "./kms.test-support";
import { listKmsContracts, safeListKmsContracts } from "./list-kms-contracts";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const baseContract = {
  id: "kc_def",
  slug: "base",
  label: null,
  contract_address: "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
  chain_id: 8453,
  k256_pubkey: null,
  ca_pubkey: null,
  node_count: 11,
};

describe("listKmsContracts", () => {
  const page = { items: [contract, baseContract], total: 2, page: 1, page_size: 20, pages: 1 };

  it("GETs /kms with its filters and resolves the contracts", async () => {
    const { fake, client } = setup({ body: page });
    const result = await listKmsContracts(client, { page: 1, page_size: 20, is_onchain: false });
    const url = new URL(fake.calls[0]!.url);
    expect(fake.calls[0]!.method).toBe("GET");
    expect(url.pathname).toBe("/api/v1/kms");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: "1",
      page_size: "20",
      is_onchain: "false",
    });
    expect(result.items.map((item) => item.contract_address)).toEqual([
      "phala",
      "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
    ]);
    await listKmsContracts(client);
    expect(fake.calls[1]!.url).toBe(`${TEST_BASE_URL}/kms`);
  });

  it("fills the contract's nullable fields when absent", async () => {
    const { client } = setup({
      body: {
        ...page,
        items: [{ id: "kc_1", contract_address: "phala", chain_id: 0, node_count: 1 }],
      },
    });
    const result = await listKmsContracts(client);
    expect(result.items[0]).toEqual({
      id: "kc_1",
      slug: null,
      label: null,
      contract_address: "phala",
      chain_id: 0,
      k256_pubkey: null,
      ca_pubkey: null,
      node_count: 1,
    });
  });

  it("refuses the node list as an answer, and an unknown filter before sending", async () => {
    const nodes = { items: [kms], total: 1, page: 1, page_size: 20, pages: 1 };
    const { fake, client } = setup({ body: nodes });
    const wrong = await safeListKmsContracts(client);
    expect(wrong.error).toBeInstanceOf(ResponseValidationError);
    expect((wrong.error as ResponseValidationError).apiVersion).toBe("2026-06-23");
    const refused = await safeListKmsContracts(client, { chain: "base" } as never);
    expect((refused.error as RequestValidationError).issues[0]!.path).toBe("chain");
    expect(fake.calls).toHaveLength(1);
  });
});

describe("listKmsContracts: the version it sends (contract-centric)", () => {
  const contracts = { items: [contract], total: 1, page: 1, page_size: 20, pages: 1 };

  itPinsContractCentric((c) => listKmsContracts(c), contracts);

  it("a per-call version is pinned the same way", async () => {
    const other = setup({ body: contracts });
    await listKmsContracts(other.client, {}, { version: "2025-10-28" });
    expect(other.fake.calls[0]!.headers["x-phala-version"]).toBe("2026-06-23");
  });
});
