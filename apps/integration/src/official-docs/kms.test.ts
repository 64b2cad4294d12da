// The official reference's KMS page (`cloud-js-sdk/kms.mdx`): one KMS, the KMS
// list, reserving app ids from the Phala KMS, and a chain's on-chain KMS detail.
import { createClient, NotFoundError, RequestValidationError } from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import { categoriesOf, pathOf, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

const mock = useDocsMock();
const ADDRESS = /^0x[0-9a-f]{40}$/;
const client = () => createClient();

describe("getKmsInfo: GET /kms/{kms_id}", () => {
  it("id, slug, version, url, chain_id and kms_contract_address of an on-chain KMS", async () => {
    const kms = await client().getKmsInfo({ kms_id: SEED.kms.base.slug });
    expect(pathOf(mock.sent[0])).toBe(`/kms/${SEED.kms.base.slug}`);
    expect(kms).toMatchObject({
      id: SEED.kms.base.id,
      slug: SEED.kms.base.slug,
      version: "v0.5.3",
      url: "https://kms-base.phala.network",
      chain_id: 8453,
    });
    expect(kms.kms_contract_address).toMatch(ADDRESS);
    expectTypeOf<string>().toExtend<typeof kms.slug>();
  });

  it("chain: the viem-shaped chain of chain_id (added by the SDK; the API sends chain_id only)", async () => {
    const base = await client().getKmsInfo({ kms_id: SEED.kms.base.slug });
    expect(base.chain).toMatchObject({ id: 8453, name: "Base" });
    expect(base.chain?.nativeCurrency).toMatchObject({ symbol: "ETH", decimals: 18 });
    expect(base.chain?.rpcUrls.default.http[0]).toMatch(/^https:/);
    const ethereum = await client().getKmsInfo({ kms_id: SEED.kms.ethereum.slug });
    expect(ethereum.chain?.id).toBe(1);
    const phala = await client().getKmsInfo({ kms_id: SEED.kms.phala.slug });
    expect(phala.chain).toBeUndefined();
    // Not enumerable: the JSON is the API's.
    expect(Object.keys(base)).not.toContain("chain");
  });

  it("by id or slug; the Phala KMS has no chain_id or contract", async () => {
    const kms = await client().getKmsInfo({ kms_id: SEED.kms.phala.id });
    expect(kms.slug).toBe(SEED.kms.phala.slug);
    expect(kms.url).toBe("https://kms.phala.network");
    expect(kms.chain_id ?? null).toBeNull();
    expect(kms.kms_contract_address ?? null).toBeNull();
  });

  it("a 2026-06-23 client still reads the KMS node: the call sends 2026-05-22", async () => {
    const kms = await client().withVersion("2026-06-23").getKmsInfo({ kms_id: SEED.kms.base.id });
    expect(mock.sent[0]?.headers.get("x-phala-version")).toBe("2026-05-22");
    expect(kms.slug).toBe(SEED.kms.base.slug);
  });

  it("an unknown KMS: 404 ERR-02-011 (NotFoundError, the docs' ResourceError)", async () => {
    const error = await rejectionOf(client().getKmsInfo({ kms_id: "no-such-kms" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).errorCode).toBe("ERR-02-011");
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError", "ResourceError"]);
  });
});

describe("getKmsList: GET /kms", () => {
  it("is_onchain: true lists the on-chain KMS with slug, chain_id and kms_contract_address", async () => {
    const kmsList = await client().getKmsList({ is_onchain: true });
    expect(pathOf(mock.sent[0])).toBe("/kms?is_onchain=true");
    expect(kmsList.items.map((kms) => [kms.slug, kms.chain_id])).toEqual([
      [SEED.kms.base.slug, 8453],
      [SEED.kms.ethereum.slug, 1],
    ]);
    for (const kms of kmsList.items) {
      expect(kms.kms_contract_address).toMatch(ADDRESS);
      expect(kms.chain?.id).toBe(kms.chain_id);
    }
    expect(kmsList).toMatchObject({ total: 2, page: 1, pages: 1 });
  });

  it("page and page_size; without a filter every KMS", async () => {
    const all = await client().getKmsList();
    expect(all.total).toBe(3);
    const second = await client().getKmsList({ page: 2, page_size: 2 });
    expect(second).toMatchObject({ page: 2, page_size: 2, total: 3, pages: 2 });
    expect(second.items).toHaveLength(1);
    const offChain = await client().getKmsList({ is_onchain: false });
    expect(offChain.items.map((kms) => kms.slug)).toEqual([SEED.kms.phala.slug]);
  });
});

describe("nextAppIds: GET /kms/phala/next_app_id", () => {
  it("counts: that many { app_id, nonce } pairs, in nonce order", async () => {
    const reserved = await client().nextAppIds({ counts: 3 });
    expect(pathOf(mock.sent[0])).toBe("/kms/phala/next_app_id?counts=3");
    expect(reserved.app_ids).toHaveLength(3);
    const nonces = reserved.app_ids.map(({ nonce }) => nonce);
    expect(nonces).toEqual([nonces[0], nonces[0]! + 1, nonces[0]! + 2]);
    for (const { app_id } of reserved.app_ids) expect(app_id).toMatch(/^[0-9a-f]{40}$/);
  });

  it("counts defaults to 1; 1 to 20", async () => {
    const one = await client().nextAppIds();
    expect(one.app_ids).toHaveLength(1);
    expect(pathOf(mock.sent[0])).toBe("/kms/phala/next_app_id?counts=1");
    const twenty = await client().nextAppIds({ counts: 20 });
    expect(twenty.app_ids).toHaveLength(20);
    for (const counts of [0, 21]) {
      const error = await rejectionOf(client().nextAppIds({ counts }));
      expect(error, String(counts)).toBeInstanceOf(RequestValidationError);
    }
  });

  it("a reserved pair works with provisionCvm's nonce and app_id", async () => {
    const c = client();
    const {
      app_ids: [pair],
    } = await c.nextAppIds({ counts: 1 });
    const provision = await c.provisionCvm({
      name: "kms-reserved-id",
      compose_file: { docker_compose_file: "services:\n  a:\n    image: busybox\n" },
      nonce: pair!.nonce,
      app_id: pair!.app_id,
    });
    expect(provision.app_id).toBe(pair!.app_id);
  });
});

describe("getKmsOnChainDetail: GET /kms/on-chain/{chain}", () => {
  it("chain_name, chain_id and each contract with its devices and OS images", async () => {
    const detail = await client().getKmsOnChainDetail({ chain: "base" });
    expect(pathOf(mock.sent[0])).toBe("/kms/on-chain/base");
    expect(detail.chain_name).toBe("base");
    expect(detail.chain_id).toBe(8453);
    expect(detail.contracts).toHaveLength(1);
    const [contract] = detail.contracts;
    expect(contract).toMatchObject({ chain_id: 8453, chain_name: "base" });
    expect(contract?.contract_address).toMatch(ADDRESS);
    expect(contract?.devices.map((d) => d.node_name)).toEqual(["prod5", "prod7", "prod9"]);
    for (const device of contract?.devices ?? []) {
      expect(device.device_id).toMatch(/^[0-9a-f]{64}$/);
      expect(device.on_chain_allowed).toBe(true);
    }
    const image = contract?.os_images.find((i) => i.name === "dstack-0.5.3");
    expect(image).toMatchObject({ version: "0.5.3", on_chain_allowed: true });
    expect(image?.os_image_hash).toMatch(/^[0-9a-f]{64}$/);
    const dev = contract?.os_images.find((i) => i.name === "dstack-dev-0.5.3");
    expect(dev?.on_chain_allowed).toBe(false);
  });

  it("the contract is the one getKmsInfo names for that chain", async () => {
    const c = client();
    const detail = await c.getKmsOnChainDetail({ chain: "ethereum" });
    const kms = await c.getKmsInfo({ kms_id: SEED.kms.ethereum.slug });
    expect(detail.chain_id).toBe(1);
    expect(detail.contracts.map((contract) => contract.contract_address)).toEqual([
      kms.kms_contract_address,
    ]);
  });

  it("an unknown chain: 404 (NotFoundError, BusinessError)", async () => {
    const result = await client().safeGetKmsOnChainDetail({ chain: "solana" });
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(categoriesOf(result.error)).toEqual(["RequestError", "BusinessError"]);
  });
});
