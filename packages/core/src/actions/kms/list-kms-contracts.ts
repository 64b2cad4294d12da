import { listKmsContractsResponseSchemas, listKmsContractsVersionPins } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

export interface ListKmsContractsArgs {
  page?: number;
  /** 1 to 100. */
  page_size?: number;
  /** Only on-chain KMS contracts (`true`) or only the Phala KMS (`false`). */
  is_onchain?: boolean;
}

/**
 * The KMS contracts, a page at a time: `GET /kms` as API version 2026-06-23
 * answers it. A contract groups equivalent KMS nodes sharing one root key:
 * `id` (`kc_...`), `slug`, `label`, `contract_address` (`phala` for the
 * off-chain Phala KMS), `chain_id` (0 off-chain), `k256_pubkey` and `ca_pubkey`
 * (the verification anchors), `node_count`.
 *
 * Pinned: always sends `X-Phala-Version: 2026-06-23`, whatever the client's
 * version, since the contract-centric KMS API exists only from that version
 * (before it, `GET /kms` lists nodes: `getKmsList`); the official SDKs pin it
 * the same way.
 */
export const listKmsContracts = /* @__PURE__ */ defineVersionedAction({
  name: "listKmsContracts",
  optionalArgs: true,
  responses: listKmsContractsResponseSchemas,
  versionPins: listKmsContractsVersionPins,
  plan: (args: ListKmsContractsArgs) => ({
    method: "GET",
    path: "/kms",
    query: checkQueryArgs("listKmsContracts", args, {
      page: "positiveInt",
      page_size: "pageSize",
      is_onchain: "boolean",
    }),
  }),
});

export const safeListKmsContracts = /* @__PURE__ */ safe(listKmsContracts);
