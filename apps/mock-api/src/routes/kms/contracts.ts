// The KMS nodes of the model, and the KMS contracts (2026-06-23) they form.
import { deterministicHashid, deterministicHex } from "../../internal/deterministic-hex";
import { type MockKms, MockModelError, type MockState } from "../../model";

/** A KMS by its id or slug. */
export function findKms(state: MockState, idOrSlug: string): MockKms | undefined {
  return state.kms.get(idOrSlug) ?? [...state.kms.values()].find((kms) => kms.slug === idOrSlug);
}

/**
 * A KMS contract (2026-06-23): the KMS nodes that share one root key. The
 * off-chain Phala KMS is one contract (`contract_address` "phala", chain 0);
 * each on-chain KMS contract groups the nodes serving it.
 */
export interface MockKmsContract {
  /** `kc_...` */
  id: string;
  slug: string;
  label: string;
  contractAddress: string;
  chainId: number;
  /** The verification anchors: the root key's k256 public key and the CA's. */
  k256Pubkey: string;
  caPubkey: string;
  /** Its nodes, in the model's order. */
  nodes: MockKms[];
}

/** The address the API shows for the off-chain Phala KMS. */
export const PHALA_KMS_CONTRACT = "phala";

const KMS_LABELS: Record<string, string> = {
  phala: "Phala KMS",
  base: "Base KMS",
  ethereum: "Ethereum KMS",
};

function contractAddressOf(kms: MockKms): string {
  return kms.kind === "phala" || kms.contractAddress === null
    ? PHALA_KMS_CONTRACT
    : kms.contractAddress.toLowerCase();
}

/** The KMS contracts of the model, derived from its KMS nodes (first node first). */
export function kmsContracts(state: MockState): MockKmsContract[] {
  const byAddress = new Map<string, MockKms[]>();
  for (const kms of state.kms.values()) {
    const address = contractAddressOf(kms);
    byAddress.set(address, [...(byAddress.get(address) ?? []), kms]);
  }
  const slugs = new Set<string>();
  return [...byAddress].map(([address, nodes]) => {
    const first = nodes[0] as MockKms;
    // `phala`, `base`, `ethereum`: the kind, made unique when a chain has two contracts.
    let slug: string = first.kind;
    for (let n = 2; slugs.has(slug); n++) slug = `${first.kind}-${n}`;
    slugs.add(slug);
    return {
      id: deterministicHashid("kc", `kms-contract:${address}`),
      slug,
      label: KMS_LABELS[first.kind] ?? slug,
      contractAddress: address,
      chainId: first.chainId ?? 0,
      k256Pubkey: first.k256Pubkey,
      caPubkey: `0x${deterministicHex(`kms-ca:${address}`, 64)}`,
      nodes,
    };
  });
}

/** A KMS contract by its slug or `kc_` id. */
export function findKmsContract(state: MockState, slugOrId: string): MockKmsContract | undefined {
  return kmsContracts(state).find(
    (contract) => contract.slug === slugOrId || contract.id === slugOrId,
  );
}

/**
 * The contract a KMS node belongs to, looked up in `contracts` (what
 * `kmsContracts` derived, once for all the lookups of a request).
 */
export function contractOfKmsIn(
  contracts: readonly MockKmsContract[],
): (kms: MockKms) => MockKmsContract {
  const byKms = new Map(
    contracts.flatMap((contract) => contract.nodes.map((kms) => [kms, contract] as const)),
  );
  return (kms) => {
    const found = byKms.get(kms);
    if (!found) throw new MockModelError(`mock model has no contract for KMS ${kms.id}`);
    return found;
  };
}
