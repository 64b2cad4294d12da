import type { KmsContractNodeSchema, KmsContractSchema } from "@phala/cloud-schemas";
import type { MockKms } from "../model";
import type { MockKmsContract } from "../routes/kms/contracts";
import type { WireInput } from "./sdk-types";

// The KMS contracts of 2026-06-23: `GET /kms`, `GET /kms/{slug}` and
// `GET /kms/{slug}/nodes`. Before it, the same paths answer KMS nodes (routes/kms/list.ts).

export function renderKmsContract(contract: MockKmsContract): WireInput<typeof KmsContractSchema> {
  return {
    id: contract.id,
    slug: contract.slug,
    label: contract.label,
    contract_address: contract.contractAddress,
    chain_id: contract.chainId,
    k256_pubkey: contract.k256Pubkey,
    ca_pubkey: contract.caPubkey,
    node_count: contract.nodes.length,
  };
}

export function renderKmsContractNode(kms: MockKms): WireInput<typeof KmsContractNodeSchema> {
  return { id: kms.id, slug: kms.slug, url: kms.url, version: kms.version, kms_type: kms.kind };
}
