import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestValidationError } from "../../errors";
import { kmsChain } from "../../helpers/chains";
import { getKmsList, safeGetKmsList } from "./get-kms-list";
import { itPinsNodeKeyed, kms, setup } from "./kms.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

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

  it("each item has the docs' chain, not enumerable", async () => {
    const phala = { ...kms, id: "kms-phala", chain_id: null, kms_contract_address: null };
    const body = { ...page, items: [kms, { ...kms, chain_id: 1 }, phala], total: 3 };
    const { client } = setup({ body });
    const result = await getKmsList(client, { is_onchain: true });
    expect(result.items.map((item) => item.chain?.name)).toEqual(["Base", "Ethereum", undefined]);
    expect(result.items[0]!.chain).toEqual(kmsChain(8453));
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(body);
    expect(result).toStrictEqual(body);
    const raw = (await getKmsList(client, {}, { schema: false })) as typeof body;
    expect("chain" in raw.items[0]!).toBe(false);
  });

  it("refuses an unknown filter", async () => {
    const { fake, client } = setup({ body: page });
    const result = await safeGetKmsList(client, { chain: "base" } as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe("chain");
    expect(fake.calls).toHaveLength(0);
  });
});

describe("getKmsList: the version it sends (node-keyed)", () => {
  const nodeList = { items: [kms], total: 1, page: 1, page_size: 20, pages: 1 };

  itPinsNodeKeyed((c) => getKmsList(c), nodeList);

  it("a per-call version is pinned the same way", async () => {
    const { fake, client } = setup({ body: nodeList });
    await getKmsList(client, {}, { version: "2026-06-23" });
    await getKmsList(client, {}, { version: "2026-05-22" });
    expect(fake.calls.map((c) => c.headers["x-phala-version"])).toEqual([
      "2026-05-22",
      "2026-05-22",
    ]);
  });
});
