import { deterministicHashid, deterministicHex } from "../deterministic-hex";
import { normalizeAppId } from "../lookup";
import { type MockKms, MockModelError, type MockState, resourceState } from "../model";

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

/** Names the API accepts for each chain (mock data, for the seeded on-chain KMS). */
export const CHAIN_NAMES: Record<number, string> = { 1: "ethereum", 8453: "base" };

type KeyPairs = Map<string, CryptoKeyPair>;

const pairsOf = (state: MockState) => resourceState<KeyPairs>(state, "kms", () => new Map());
const pairKey = (kms: MockKms, appId: string) => `${kms.id}:${normalizeAppId(appId)}`;

/**
 * The app's env-encryption key pair at this KMS, generated on first request
 * (a real KMS derives it from its root key; the mock keeps the private half so
 * tests can decrypt what a client encrypted to the public half).
 */
export async function envKeyPairFor(
  state: MockState,
  kms: MockKms,
  appId: string,
): Promise<CryptoKeyPair> {
  const pairs = pairsOf(state);
  const key = pairKey(kms, appId);
  const existing = pairs.get(key);
  if (existing) return existing;
  const pair = (await crypto.subtle.generateKey({ name: "X25519" }, true, [
    "deriveBits",
  ])) as CryptoKeyPair;
  // Two concurrent first requests: keep whichever finished first.
  const winner = pairs.get(key) ?? pair;
  pairs.set(key, winner);
  return winner;
}

/**
 * The X25519 private key whose public half `GET /kms/{kms}/pubkey/{app_id}`
 * returned for this app. Call it after that request; before, there is no key.
 * `kmsId` names a KMS node (id or slug) or, as 2026-06-23 does, a KMS contract.
 */
export function kmsPrivateKeyFor(state: MockState, kmsId: string, appId: string): CryptoKey {
  const kms = findKms(state, kmsId) ?? findKmsContract(state, kmsId)?.nodes[0];
  if (!kms) throw new MockModelError(`mock model has no KMS ${kmsId}`);
  const pair = pairsOf(state).get(pairKey(kms, appId));
  if (!pair) {
    throw new MockModelError(
      `no env-encryption key for app ${appId} at KMS ${kmsId} yet: request its public key first`,
    );
  }
  return pair.privateKey;
}

export function toHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * A 65-byte recoverable-signature-shaped hex string. The mock has no k256 key to
 * sign with, so it is stable per (KMS, app, key) but verifies against nothing.
 */
export function mockPubkeySignature(kms: MockKms, appId: string, publicKeyHex: string): string {
  return deterministicHex(`kms-signature:${kms.id}:${normalizeAppId(appId)}:${publicKeyHex}`, 130);
}

/** The app ids the Phala KMS hands out next for a workspace: derived from its nonce. */
export function nextAppIdFor(workspaceId: string, nonce: number): string {
  return deterministicHex(`next-app:${workspaceId}:${nonce}`, 40);
}
