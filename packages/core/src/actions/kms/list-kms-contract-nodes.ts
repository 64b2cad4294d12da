import {
  listKmsContractNodesResponseSchemas,
  listKmsContractNodesVersionPins,
} from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";

export interface ListKmsContractNodesArgs {
  /** The contract's slug (`phala`, `base`); its `kc_...` id resolves too. */
  slug: string;
}

/**
 * The KMS nodes (replicas) of one KMS contract: `GET /kms/{slug}/nodes` as API
 * version 2026-06-23 answers it, `{ items: [{ id, slug, url, version,
 * kms_type }], total }`.
 *
 * Pinned: always sends `X-Phala-Version: 2026-06-23`, whatever the client's
 * version, since the contract-centric KMS API exists only from that version;
 * the official SDKs pin it the same way.
 */
export const listKmsContractNodes = /* @__PURE__ */ defineVersionedAction({
  name: "listKmsContractNodes",
  responses: listKmsContractNodesResponseSchemas,
  versionPins: listKmsContractNodesVersionPins,
  plan: (args: ListKmsContractNodesArgs) => ({
    method: "GET",
    path: `/kms/${encodeURIComponent(requireString("listKmsContractNodes", args, "slug").trim())}/nodes`,
  }),
});

export const safeListKmsContractNodes = /* @__PURE__ */ safe(listKmsContractNodes);
