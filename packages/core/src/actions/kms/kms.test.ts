import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnyClient } from "../../client";
import { createBaseClient } from "../../client";
import { NotFoundError, type RequestValidationError, ResponseValidationError } from "../../errors";
import type { RequestEvent } from "../../hooks";
import { APP_HEX, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import type { ApiVersion } from "../../versions";
import {
  getAppEnvEncryptPubKey,
  getKmsContract,
  getKmsInfo,
  getKmsList,
  getKmsOnChainDetail,
  listKmsContractNodes,
  listKmsContracts,
  nextAppIds,
  safeGetAppEnvEncryptPubKey,
  safeGetKmsContract,
  safeGetKmsInfo,
  safeGetKmsList,
  safeGetKmsOnChainDetail,
  safeListKmsContractNodes,
  safeListKmsContracts,
  safeNextAppIds,
} from "./index";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

function setup(reply: Parameters<typeof fakeFetch>[0], version?: ApiVersion) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    version,
  });
  return { fake, client };
}

const kms = {
  id: "kms-base-prod",
  slug: "base-prod",
  url: "https://kms-base.phala.network",
  version: "v0.5.3",
  chain_id: 8453,
  kms_contract_address: "0xabc",
  gateway_app_id: "0xdef",
  k256_pubkey: null,
};

describe("getKmsList", () => {
  const page = { items: [kms], total: 1, page: 1, page_size: 50, pages: 1 };

  it("GETs /kms with its filters", async () => {
    const { fake, client } = setup({ body: page });
    const result = await getKmsList(client, { page: 1, page_size: 20, is_onchain: true });
    const url = new URL(fake.calls[0]!.url);
    expect(url.pathname).toBe("/api/v1/kms");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: "1",
      page_size: "20",
      is_onchain: "true",
    });
    expect(result.items[0]!.chain_id).toBe(8453);
  });

  it("refuses an unknown filter", async () => {
    const { fake, client } = setup({ body: page });
    const result = await safeGetKmsList(client, { chain: "base" } as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe("chain");
    expect(fake.calls).toHaveLength(0);
  });
});

describe("getKmsInfo", () => {
  it("GETs /kms/{kms_id}", async () => {
    const { fake, client } = setup({ body: kms });
    await expect(getKmsInfo(client, { kms_id: "base-prod" })).resolves.toEqual(kms);
    expect(fake.calls[0]).toMatchObject({ method: "GET", url: `${TEST_BASE_URL}/kms/base-prod` });
  });

  it("refuses a missing kms_id and maps 404", async () => {
    const { fake, client } = setup({
      status: 404,
      body: {
        detail: {
          error_code: "ERR-02-011",
          message: "KMS not found",
          details: [],
          suggestions: [],
          links: [],
        },
      },
    });
    const refused = await safeGetKmsInfo(client, {} as never);
    expect((refused.error as RequestValidationError).issues[0]!.path).toBe("kms_id");
    expect(fake.calls).toHaveLength(0);
    const missing = await safeGetKmsInfo(client, { kms_id: "nope" });
    expect(missing.error).toBeInstanceOf(NotFoundError);
    expect((missing.error as NotFoundError).errorCode).toBe("ERR-02-011");
  });
});

describe("getAppEnvEncryptPubKey", () => {
  const body = { public_key: "ab".repeat(32), signature: "cd".repeat(65) };

  it.each([APP_HEX, `0x${APP_HEX.toUpperCase()}`, `app_${APP_HEX}`])(
    "GETs /kms/{kms}/pubkey/{bare hex} for %s",
    async (appId) => {
      const { fake, client } = setup({ body });
      await expect(
        getAppEnvEncryptPubKey(client, { kms: "phala-prod", app_id: appId }),
      ).resolves.toEqual(body);
      expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/kms/phala-prod/pubkey/${APP_HEX}`);
    },
  );

  it.each([
    [{ kms: "phala-prod", app_id: "abc" }, "app_id"],
    [{ app_id: APP_HEX }, "kms"],
  ])("refuses %j", async (args, field) => {
    const { fake, client } = setup({ body });
    const result = await safeGetAppEnvEncryptPubKey(client, args as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });

  it("rejects a body without signature", async () => {
    const { client } = setup({ body: { public_key: "ab" } });
    const result = await safeGetAppEnvEncryptPubKey(client, { kms: "k", app_id: APP_HEX });
    expect((result.error as ResponseValidationError).issues[0]!.path).toBe("signature");
  });
});

describe("nextAppIds", () => {
  const body = { app_ids: [{ app_id: APP_HEX, nonce: 4 }] };

  it("GETs /kms/phala/next_app_id with counts, 1 by default", async () => {
    const { fake, client } = setup({ body });
    await nextAppIds(client);
    await nextAppIds(client, { counts: 3 });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/kms/phala/next_app_id?counts=1`);
    expect(fake.calls[1]!.url).toBe(`${TEST_BASE_URL}/kms/phala/next_app_id?counts=3`);
  });

  it.each([0, 21, 1.5])("refuses counts %s", async (counts) => {
    const { fake, client } = setup({ body });
    const result = await safeNextAppIds(client, { counts });
    expect((result.error as RequestValidationError).issues[0]!.path).toBe("counts");
    expect(fake.calls).toHaveLength(0);
  });

  // The contract's NextAppId also says `minimum: 0`, which the generated schema does not check yet.
  it("rejects a nonce that is not an integer", async () => {
    const { client } = setup({ body: { app_ids: [{ app_id: APP_HEX, nonce: 1.5 }] } });
    expect((await safeNextAppIds(client)).error).toBeInstanceOf(ResponseValidationError);
  });
});

describe("getKmsOnChainDetail", () => {
  it("GETs /kms/on-chain/{chain}", async () => {
    const body = {
      chain_name: "base",
      chain_id: 8453,
      contracts: [
        {
          contract_address: "0xabc",
          chain_id: 8453,
          chain_name: "base",
          devices: [],
          os_images: [],
        },
      ],
    };
    const { fake, client } = setup({ body });
    const result = await getKmsOnChainDetail(client, { chain: "base" });
    expect(fake.calls[0]).toMatchObject({
      method: "GET",
      url: `${TEST_BASE_URL}/kms/on-chain/base`,
    });
    expect(result.contracts[0]).toMatchObject({ devices: [], os_images: [] });
  });

  it("refuses an empty chain", async () => {
    const { fake, client } = setup({ body: {} });
    const result = await safeGetKmsOnChainDetail(client, { chain: "" });
    expect((result.error as RequestValidationError).issues[0]!.path).toBe("chain");
    expect(fake.calls).toHaveLength(0);
  });
});

const contract = {
  id: "kc_abc",
  slug: "phala",
  label: "Phala KMS",
  contract_address: "phala",
  chain_id: 0,
  k256_pubkey: "0x0334c7",
  ca_pubkey: "0xca00",
  node_count: 16,
};
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
const contractNode = {
  id: "kms_1",
  slug: "phala-prod3",
  url: "https://kms.dstack-pha-prod3.phala.network",
  version: "0.5.7",
  kms_type: "phala",
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

describe("getKmsContract", () => {
  it("GETs /kms/{slug}", async () => {
    const { fake, client } = setup({ body: contract });
    await expect(getKmsContract(client, { slug: "phala" })).resolves.toEqual(contract);
    expect(fake.calls[0]).toMatchObject({ method: "GET", url: `${TEST_BASE_URL}/kms/phala` });
    await getKmsContract(client, { slug: "a b/c" });
    expect(fake.calls[1]!.url).toBe(`${TEST_BASE_URL}/kms/a%20b%2Fc`);
  });

  it("refuses a missing slug before sending and maps 404", async () => {
    const { fake, client } = setup({ status: 404, body: { detail: "KMS contract not found" } });
    const refused = await safeGetKmsContract(client, {} as never);
    expect((refused.error as RequestValidationError).issues[0]!.path).toBe("slug");
    expect(fake.calls).toHaveLength(0);
    const missing = await safeGetKmsContract(client, { slug: "nope" });
    expect(missing.error).toBeInstanceOf(NotFoundError);
  });
});

describe("listKmsContractNodes", () => {
  it("GETs /kms/{slug}/nodes", async () => {
    const body = { items: [contractNode], total: 1 };
    const { fake, client } = setup({ body });
    await expect(listKmsContractNodes(client, { slug: "phala" })).resolves.toEqual(body);
    expect(fake.calls[0]).toMatchObject({
      method: "GET",
      url: `${TEST_BASE_URL}/kms/phala/nodes`,
    });
  });

  it("refuses a missing slug and a node without its version", async () => {
    const { fake, client } = setup({
      body: { items: [{ ...contractNode, version: undefined }], total: 1 },
    });
    const refused = await safeListKmsContractNodes(client, { slug: " " });
    expect((refused.error as RequestValidationError).issues[0]!.path).toBe("slug");
    expect(fake.calls).toHaveLength(0);
    const wrong = await safeListKmsContractNodes(client, { slug: "phala" });
    expect((wrong.error as ResponseValidationError).issues[0]!.path).toBe("items.0.version");
  });
});

describe("version pins: the version an action sends", () => {
  const nodeList = { items: [kms], total: 1, page: 1, page_size: 20, pages: 1 };
  const contracts = { items: [contract], total: 1, page: 1, page_size: 20, pages: 1 };
  const pubkey = { public_key: "ab".repeat(32), signature: "cd".repeat(65) };

  type Case = [name: string, call: (client: AnyClient) => Promise<unknown>, body: unknown];
  const nodeKeyed: Case[] = [
    ["getKmsList", (c) => getKmsList(c), nodeList],
    ["getKmsInfo", (c) => getKmsInfo(c, { kms_id: "base-prod" }), kms],
    [
      "getAppEnvEncryptPubKey",
      (c) => getAppEnvEncryptPubKey(c, { kms: "phala-prod", app_id: APP_HEX }),
      pubkey,
    ],
  ];
  const contractCentric: Case[] = [
    ["listKmsContracts", (c) => listKmsContracts(c), contracts],
    ["getKmsContract", (c) => getKmsContract(c, { slug: "phala" }), contract],
    [
      "listKmsContractNodes",
      (c) => listKmsContractNodes(c, { slug: "phala" }),
      { items: [], total: 0 },
    ],
  ];

  describe.each(nodeKeyed)("%s (node-keyed)", (_name, call, body) => {
    it.each([
      ["2026-06-23", "2026-05-22"],
      ["LATEST", "2026-05-22"],
      ["2026-05-22", "2026-05-22"],
      ["2026-01-21", "2026-01-21"],
      ["2025-10-28", "2025-10-28"],
    ] as const)("a %s client sends %s and gets the node shape", async (version, sent) => {
      const { fake, client } = setup({ body }, version);
      await expect(call(client)).resolves.toEqual(body);
      expect(fake.calls[0]!.headers["x-phala-version"]).toBe(sent);
    });
  });

  describe.each(contractCentric)("%s (contract-centric)", (_name, call, body) => {
    it.each(["2025-10-28", "2026-01-21", "2026-05-22", "2026-06-23", "latest"] as const)(
      "a %s client sends 2026-06-23",
      async (version) => {
        const { fake, client } = setup({ body }, version);
        await expect(call(client)).resolves.toEqual(body);
        expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-06-23");
      },
    );
  });

  it("a per-call version is pinned the same way", async () => {
    const { fake, client } = setup({ body: nodeList });
    await getKmsList(client, {}, { version: "2026-06-23" });
    await getKmsList(client, {}, { version: "2026-05-22" });
    expect(fake.calls.map((c) => c.headers["x-phala-version"])).toEqual([
      "2026-05-22",
      "2026-05-22",
    ]);
    const other = setup({ body: contracts });
    await listKmsContracts(other.client, {}, { version: "2025-10-28" });
    expect(other.fake.calls[0]!.headers["x-phala-version"]).toBe("2026-06-23");
  });

  it("errors and hooks report the version sent, not the client's", async () => {
    const events: RequestEvent[] = [];
    const fake = fakeFetch({ status: 404, body: { detail: "no such KMS" } });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      version: "2026-06-23",
      hooks: { onRequest: (event) => void events.push(event) },
    });
    const missing = await safeGetKmsInfo(client, { kms_id: "nope" });
    expect(missing.error).toBeInstanceOf(NotFoundError);
    expect(missing.error!.apiVersion).toBe("2026-05-22");
    expect(missing.error!.message).toContain("2026-05-22");
    expect(events[0]).toMatchObject({ endpoint: "getKmsInfo", apiVersion: "2026-05-22" });

    const old = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fakeFetch({ body: { items: "no" } }).fetch,
      version: "2026-01-21",
      hooks: { onRequest: (event) => void events.push(event) },
    });
    const invalid = await safeListKmsContractNodes(old, { slug: "phala" });
    expect(invalid.error).toBeInstanceOf(ResponseValidationError);
    expect(invalid.error!.apiVersion).toBe("2026-06-23");
    expect(events[1]).toMatchObject({ endpoint: "listKmsContractNodes", apiVersion: "2026-06-23" });
  });
});
