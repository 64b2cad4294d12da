import { API_VERSIONS } from "@phala/cloud-schemas";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { NotFoundError, type RequestValidationError } from "../../errors";
import { kmsChain } from "../../helpers/chains";
import type { RequestEvent } from "../../hooks";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import { getKmsInfo, safeGetKmsInfo } from "./get-kms-info";
import { itPinsNodeKeyed, kms, setup } from "./kms.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

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

describe("getKmsInfo: the docs' chain", () => {
  it("is the known chain of chain_id, not enumerable, in every version", async () => {
    for (const version of API_VERSIONS) {
      const { client } = setup({ body: kms }, version);
      const result = await getKmsInfo(client, { kms_id: "base-prod" });
      expect(result.chain, version).toEqual(kmsChain(8453));
      expect(result.chain?.name).toBe("Base");
      expect(Object.keys(result)).toEqual(Object.keys(kms));
      expect(JSON.parse(JSON.stringify(result))).toStrictEqual(kms);
      expect(result).toStrictEqual(kms);
    }
    const safe = await safeGetKmsInfo(setup({ body: kms }).client, { kms_id: "base-prod" });
    expect(safe.success && safe.data.chain?.id).toBe(8453);
  });

  it("is Ethereum for chain id 1 and undefined for the Phala KMS or an unknown id", async () => {
    const ethereum = await getKmsInfo(setup({ body: { ...kms, chain_id: 1 } }).client, {
      kms_id: "ethereum-prod",
    });
    expect(ethereum.chain?.name).toBe("Ethereum");
    for (const chain_id of [null, 424242]) {
      const { client } = setup({ body: { ...kms, chain_id, kms_contract_address: null } });
      const result = await getKmsInfo(client, { kms_id: "phala-prod" });
      expect(result.chain).toBeUndefined();
      expect(Object.hasOwn(result, "chain")).toBe(true);
    }
  });

  it("is not added with schema: false or the caller's schema", async () => {
    const { client } = setup({ body: kms });
    const raw = (await getKmsInfo(client, { kms_id: "base-prod" }, { schema: false })) as object;
    expect("chain" in raw).toBe(false);
  });
});

describe("getKmsInfo: the version it sends (node-keyed)", () => {
  itPinsNodeKeyed((c) => getKmsInfo(c, { kms_id: "base-prod" }), kms);

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
  });
});
