import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { NotFoundError, type RequestValidationError, ResponseValidationError } from "../../errors";
import { APP_HEX, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import {
  getAppEnvEncryptPubKey,
  getKmsInfo,
  getKmsList,
  getKmsOnChainDetail,
  nextAppIds,
  safeGetAppEnvEncryptPubKey,
  safeGetKmsInfo,
  safeGetKmsList,
  safeGetKmsOnChainDetail,
  safeNextAppIds,
} from "./index";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

function setup(reply: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
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
