import type {
  GetAppEnvEncryptPubKey,
  GetKmsListResponse,
  GetKmsOnChainDetailResponse,
  KmsContract,
  KmsContractList,
  KmsContractNodes,
  KmsInfo,
  NextAppIds,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import type { KmsChain } from "../../helpers/chains";
import {
  getAppEnvEncryptPubKey,
  getKmsContract,
  getKmsInfo,
  getKmsList,
  getKmsOnChainDetail,
  type KmsChainField,
  listKmsContractNodes,
  listKmsContracts,
  nextAppIds,
  safeListKmsContracts,
} from "./index";

const client = createBaseClient({ apiKey: "k", version: "2025-10-28" });
const latest = createBaseClient({ apiKey: "k", version: "LATEST" });

// A KMS node has `chain` (not enumerable) unless the caller's schema (or none) was used.
type KmsInfoWithChain = KmsInfo & KmsChainField;
type KmsPageWithChain = {
  [K in keyof GetKmsListResponse]: K extends "items" ? KmsInfoWithChain[] : GetKmsListResponse[K];
};

describe("KMS action types", () => {
  it("type each result", () => {
    expectTypeOf(
      getKmsList(client, { is_onchain: true }),
    ).resolves.toEqualTypeOf<KmsPageWithChain>();
    expectTypeOf(getKmsInfo(client, { kms_id: "k" })).resolves.toEqualTypeOf<KmsInfoWithChain>();
    expectTypeOf(
      getAppEnvEncryptPubKey(client, { kms: "k", app_id: "a" }),
    ).resolves.toEqualTypeOf<GetAppEnvEncryptPubKey>();
    expectTypeOf(nextAppIds(client)).resolves.toEqualTypeOf<NextAppIds>();
    expectTypeOf(
      getKmsOnChainDetail(client, { chain: "base" }),
    ).resolves.toEqualTypeOf<GetKmsOnChainDetailResponse>();
    expectTypeOf<GetAppEnvEncryptPubKey["public_key"]>().toEqualTypeOf<string>();
  });

  it("types the docs' chain on getKmsInfo and each getKmsList item, in every version", async () => {
    for (const c of [client, latest, createBaseClient({ apiKey: "k" })]) {
      const kms = await getKmsInfo(c, { kms_id: "base-prod" });
      expectTypeOf(kms.chain).toEqualTypeOf<KmsChain | undefined>();
      expectTypeOf(kms.chain_id).toEqualTypeOf<number | null>();
      const page = await getKmsList(c, { is_onchain: true });
      expectTypeOf(page.items[0]!.chain).toEqualTypeOf<KmsChain | undefined>();
      for (const item of page.items)
        expectTypeOf(item.chain?.id).toEqualTypeOf<number | undefined>();
    }
    expectTypeOf(getKmsInfo(client, { kms_id: "k" }, { schema: false })).resolves.toBeUnknown();
  });

  it("the pinned node-keyed actions keep the node shapes on a 2026-06-23 client", () => {
    expectTypeOf(getKmsList(latest)).resolves.toEqualTypeOf<KmsPageWithChain>();
    expectTypeOf(getKmsInfo(latest, { kms_id: "k" })).resolves.toEqualTypeOf<KmsInfoWithChain>();
    expectTypeOf(
      getKmsList(client, {}, { version: "2026-06-23" }),
    ).resolves.toEqualTypeOf<KmsPageWithChain>();
  });

  it("the contract actions resolve contracts in every version", () => {
    for (const c of [client, latest]) {
      expectTypeOf(listKmsContracts(c)).resolves.toEqualTypeOf<KmsContractList>();
      expectTypeOf(getKmsContract(c, { slug: "phala" })).resolves.toEqualTypeOf<KmsContract>();
      expectTypeOf(
        listKmsContractNodes(c, { slug: "phala" }),
      ).resolves.toEqualTypeOf<KmsContractNodes>();
    }
    expectTypeOf(safeListKmsContracts(client, { page_size: 5 })).resolves.toEqualTypeOf<
      SafeResult<KmsContractList>
    >();
  });

  it("contract_address is on a contract, not on a KMS node", async () => {
    const contracts = await listKmsContracts(client);
    expectTypeOf(contracts.items[0]!.contract_address).toEqualTypeOf<string>();
    expectTypeOf(contracts.items[0]!.chain_id).toEqualTypeOf<number>();
    const nodes = await getKmsList(latest);
    expectTypeOf(nodes.items[0]!).not.toHaveProperty("contract_address");
    expectTypeOf(nodes.items[0]!).toHaveProperty("kms_contract_address");
    // @ts-expect-error: a KMS node has no contract_address
    nodes.items[0]!.contract_address;
    const members = await listKmsContractNodes(latest, { slug: "phala" });
    expectTypeOf(members.items[0]!.url).toEqualTypeOf<string>();
  });

  it("require the path arguments", () => {
    // @ts-expect-error app_id is required
    getAppEnvEncryptPubKey(client, { kms: "k" });
    // @ts-expect-error slug is required
    getKmsContract(client, {});
    // @ts-expect-error slug is required
    listKmsContractNodes(client);
    // @ts-expect-error is_onchain is a boolean
    listKmsContracts(client, { is_onchain: "yes" });
  });
});
