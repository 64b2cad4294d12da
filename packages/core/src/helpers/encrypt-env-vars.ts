import { PhalaCloudError, RequestValidationError, type ValidationIssue } from "../errors";
import { bytesToHex, hexToBytes } from "./hex";
import { webCrypto } from "./web-crypto";

/** One environment variable of a CVM. */
export interface EnvVar {
  key: string;
  value: string;
}

const X25519_KEY_BYTES = 32;
const IV_BYTES = 12;
/** AES-GCM appends a 16-byte tag to the ciphertext. */
const TAG_BYTES = 16;

function checkEnvs(envs: unknown): ValidationIssue[] {
  if (!Array.isArray(envs))
    return [{ path: "envs", message: "expected an array of { key, value }" }];
  const issues: ValidationIssue[] = [];
  envs.forEach((env: unknown, index) => {
    const entry = typeof env === "object" && env !== null ? (env as Record<string, unknown>) : {};
    if (typeof entry.key !== "string" || entry.key === "") {
      issues.push({ path: `envs.${index}.key`, message: "expected a non-empty string" });
    }
    if (typeof entry.value !== "string") {
      issues.push({ path: `envs.${index}.value`, message: "expected a string" });
    }
  });
  return issues;
}

function parsePublicKey(publicKeyHex: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof publicKeyHex !== "string") return undefined;
  const bytes = hexToBytes(publicKeyHex);
  return bytes?.length === X25519_KEY_BYTES ? bytes : undefined;
}

const PUBLIC_KEY_ISSUE: ValidationIssue = {
  path: "publicKeyHex",
  message: "expected a 32-byte X25519 public key as 64 hex characters, with or without 0x",
};

/**
 * Encrypts a CVM's environment variables for its KMS, the way the platform
 * decrypts them: an ephemeral X25519 key pair is agreed with `publicKeyHex`
 * (the app's env-encryption key, e.g. from `/kms/{kms}/pubkey/{app_id}` or the
 * provision response), the 32-byte shared secret is used as is as the AES-256-GCM
 * key, and `{"env":[{"key","value"},...]}` is encrypted under a random 12-byte IV.
 *
 * Returns hex (no `0x`) of: ephemeral public key (32 bytes) || IV (12 bytes) ||
 * ciphertext with its 16-byte tag. Web Crypto only: runs on Node 20+, Deno,
 * Workers and browsers. Wrong arguments throw `RequestValidationError`.
 */
export async function encryptEnvVars(
  envs: readonly EnvVar[],
  publicKeyHex: string,
): Promise<string> {
  const issues = checkEnvs(envs);
  const remoteKeyBytes = parsePublicKey(publicKeyHex);
  if (!remoteKeyBytes) issues.push(PUBLIC_KEY_ISSUE);
  if (issues.length > 0 || !remoteKeyBytes) {
    throw new RequestValidationError({ endpoint: "encryptEnvVars", issues });
  }
  const crypto = webCrypto("encryptEnvVars");
  const { subtle } = crypto;

  const ephemeral = (await subtle.generateKey({ name: "X25519" }, true, [
    "deriveBits",
  ])) as CryptoKeyPair;
  const remoteKey = await subtle.importKey("raw", remoteKeyBytes, { name: "X25519" }, false, []);
  let shared: ArrayBuffer;
  try {
    shared = await subtle.deriveBits(
      { name: "X25519", public: remoteKey },
      ephemeral.privateKey,
      X25519_KEY_BYTES * 8,
    );
  } catch {
    // A low-order point yields an all-zero secret, which Web Crypto refuses.
    throw new RequestValidationError({ endpoint: "encryptEnvVars", issues: [PUBLIC_KEY_ISSUE] });
  }
  const aesKey = await subtle.importKey("raw", shared, { name: "AES-GCM" }, false, ["encrypt"]);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plaintext = new TextEncoder().encode(
    JSON.stringify({ env: envs.map(({ key, value }) => ({ key, value })) }),
  );
  const ciphertext = await subtle.encrypt({ name: "AES-GCM", iv }, aesKey, plaintext);
  const ephemeralPublic = await subtle.exportKey("raw", ephemeral.publicKey);

  const out = new Uint8Array(X25519_KEY_BYTES + IV_BYTES + ciphertext.byteLength);
  out.set(new Uint8Array(ephemeralPublic), 0);
  out.set(iv, X25519_KEY_BYTES);
  out.set(new Uint8Array(ciphertext), X25519_KEY_BYTES + IV_BYTES);
  return bytesToHex(out);
}

function undecryptable(reason: string, cause?: unknown): never {
  throw new PhalaCloudError(`decryptEnvVars: ${reason}`, {
    endpoint: "decryptEnvVars",
    cause,
  });
}

/**
 * The inverse of `encryptEnvVars`, for whoever holds the X25519 private key
 * (a KMS, a mock API, a test). A wrong key or altered bytes fail the AES-GCM
 * tag check and throw `PhalaCloudError`; nothing partial is returned.
 */
export async function decryptEnvVars(
  encryptedHex: string,
  privateKey: CryptoKey,
): Promise<EnvVar[]> {
  const bytes = hexToBytes(encryptedHex);
  if (!bytes || bytes.length < X25519_KEY_BYTES + IV_BYTES + TAG_BYTES) {
    undecryptable("expected hex of public key || IV || ciphertext");
  }
  const { subtle } = webCrypto("decryptEnvVars");
  const ephemeralPublic = bytes.slice(0, X25519_KEY_BYTES);
  const iv = bytes.slice(X25519_KEY_BYTES, X25519_KEY_BYTES + IV_BYTES);
  const ciphertext = bytes.slice(X25519_KEY_BYTES + IV_BYTES);

  let plaintext: ArrayBuffer;
  try {
    const senderKey = await subtle.importKey("raw", ephemeralPublic, { name: "X25519" }, false, []);
    const shared = await subtle.deriveBits(
      { name: "X25519", public: senderKey },
      privateKey,
      X25519_KEY_BYTES * 8,
    );
    const aesKey = await subtle.importKey("raw", shared, { name: "AES-GCM" }, false, ["decrypt"]);
    plaintext = await subtle.decrypt({ name: "AES-GCM", iv }, aesKey, ciphertext);
  } catch (error) {
    undecryptable("wrong key or corrupted ciphertext", error);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(plaintext));
  } catch (error) {
    undecryptable("the plaintext is not JSON", error);
  }
  const env = (parsed as { env?: unknown } | null)?.env;
  if (checkEnvs(env).length > 0) undecryptable('the plaintext is not {"env":[{key,value}]}');
  return (env as EnvVar[]).map(({ key, value }) => ({ key, value }));
}
