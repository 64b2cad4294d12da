import { addEndpoint, pinEndpoint, shape, version } from "./ops.mjs";

// 2026-06-23: the KMS API is contract-centric. `GET /kms` lists KMS contracts
// (groups of KMS nodes sharing one root key), `GET /kms/{slug}` returns one and
// `GET /kms/{slug}/nodes` its nodes. The node-keyed calls keep their 2026-05-22
// meaning by sending that version, as the official SDKs do.

export default version(
  "2026-06-23",
  "KMS is contract-centric: `GET /kms` lists KMS contracts, `GET /kms/{slug}` is one, `GET /kms/{slug}/nodes` its nodes.",
  [
    addEndpoint("listKmsContracts", shape("KmsContractList"), {
      since: "2026-06-23",
      note: "`GET /kms` lists KMS contracts: `id`, `slug`, `label`, `contract_address` (`phala` for the off-chain Phala KMS), `chain_id`, `k256_pubkey`, `ca_pubkey`, `node_count`.",
      migration: "Call `listKmsContracts` for contracts; `getKmsList` keeps listing KMS nodes.",
    }),
    addEndpoint("getKmsContract", shape("KmsContract"), {
      since: "2026-06-23",
      note: "`GET /kms/{slug}` answers one KMS contract.",
      migration:
        "Call `getKmsContract({ slug })` for a contract; `getKmsInfo` keeps answering a KMS node.",
    }),
    addEndpoint("listKmsContractNodes", shape("KmsContractNodes"), {
      since: "2026-06-23",
      note: "`GET /kms/{slug}/nodes` lists a contract's KMS nodes: `id`, `slug`, `url`, `version`, `kms_type`.",
      migration: "None: new.",
    }),
    pinEndpoint("getKmsList", "2026-05-22", {
      note: "`GET /kms` answers contracts from this version; `getKmsList` sends 2026-05-22 for it and keeps answering KMS nodes.",
      migration: "None; use `listKmsContracts` for contracts.",
    }),
    pinEndpoint("getKmsInfo", "2026-05-22", {
      note: "`GET /kms/{kms_id}` resolves a contract from this version; `getKmsInfo` sends 2026-05-22 for it and keeps answering a KMS node.",
      migration: "None; use `getKmsContract` for a contract.",
    }),
    pinEndpoint("getAppEnvEncryptPubKey", "2026-05-22", {
      note: "`GET /kms/{kms}/pubkey/{app_id}` takes a contract from this version; `getAppEnvEncryptPubKey` sends 2026-05-22 so `{kms}` stays a KMS node id or slug.",
      migration: "None.",
    }),
  ],
);
