import { getKmsContractResponseSchemas, getKmsContractVersionPins } from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";

export interface GetKmsContractArgs {
  /** The contract's slug (`phala`, `base`); its `kc_...` id resolves too. */
  slug: string;
}

/**
 * One KMS contract: `GET /kms/{slug}` as API version 2026-06-23 answers it
 * (`id`, `slug`, `label`, `contract_address`, `chain_id`, `k256_pubkey`,
 * `ca_pubkey`, `node_count`).
 *
 * Pinned: always sends `X-Phala-Version: 2026-06-23`, whatever the client's
 * version, since before it `/kms/{id}` resolves a KMS node (`getKmsInfo`); the
 * official SDKs pin it the same way.
 */
export const getKmsContract = /* @__PURE__ */ defineVersionedAction({
  name: "getKmsContract",
  responses: getKmsContractResponseSchemas,
  versionPins: getKmsContractVersionPins,
  plan: (args: GetKmsContractArgs) => ({
    method: "GET",
    path: `/kms/${encodeURIComponent(requireString("getKmsContract", args, "slug").trim())}`,
  }),
});

export const safeGetKmsContract = /* @__PURE__ */ safe(getKmsContract);
