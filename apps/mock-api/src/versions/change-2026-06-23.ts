import { defineVersionChange } from "./change";

// 2026-06-23 made the KMS API contract-centric. The added endpoints need nothing
// from the chain (a route answers them from this version: `respond` refuses them
// before it); the pinned ones keep their meaning before this version only, and
// the routes of routes/kms/ give their paths the new meaning from it.

export const change20260623 = defineVersionChange({
  version: "2026-06-23",
  description: "KMS contracts: GET /kms, GET /kms/{slug}, GET /kms/{slug}/nodes",
  routes: {
    getKmsList: "GET /kms lists KMS contracts (listKmsContracts) from this version",
    getKmsInfo: "GET /kms/{slug} answers a KMS contract (getKmsContract) from this version",
    getAppEnvEncryptPubKey:
      "GET /kms/{kms}/pubkey/{app_id} takes a KMS contract's slug or id from this version",
  },
});
