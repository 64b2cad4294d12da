// The env-encryption key pair of each app at each KMS, and its mock signature.
import { deterministicHex } from "../../internal/deterministic-hex";
import { normalizeAppId } from "../../internal/lookup";
import { type MockKms, MockModelError, type MockState, resourceState } from "../../model";
import { findKms, findKmsContract } from "./contracts";

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
