/**
 * Reads the `encrypted_env` a client sent, as a KMS would, so the mock and its
 * tests can check what an SDK encrypted. The format is the platform's:
 * hex(ephemeral X25519 public key (32 bytes) || IV (12 bytes) || AES-256-GCM
 * ciphertext with its 16-byte tag), the X25519 shared secret being the AES
 * key, the plaintext `{"env":[{"key","value"},...]}`. Web Crypto only.
 */

export interface DecryptedEnvVar {
  key: string;
  value: string;
}

export type EnvDecryption =
  | { ok: true; envs: DecryptedEnvVar[] }
  | { ok: false; reason: "malformed" | "undecryptable" | "not_env_json" };

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function hexBytes(hex: string): Uint8Array<ArrayBuffer> | undefined {
  const digits = hex.startsWith("0x") ? hex.slice(2) : hex;
  if (digits.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(digits)) return undefined;
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

function isEnvList(value: unknown): value is DecryptedEnvVar[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        typeof entry === "object" &&
        entry !== null &&
        typeof (entry as Record<string, unknown>).key === "string" &&
        typeof (entry as Record<string, unknown>).value === "string",
    )
  );
}

/** Never throws: a route turns `ok: false` into the API's error for a bad `encrypted_env`. */
export async function decryptEncryptedEnv(
  encryptedHex: string,
  privateKey: CryptoKey,
): Promise<EnvDecryption> {
  const bytes = hexBytes(encryptedHex);
  if (!bytes || bytes.length < KEY_BYTES + IV_BYTES + TAG_BYTES) {
    return { ok: false, reason: "malformed" };
  }
  let plaintext: ArrayBuffer;
  try {
    const { subtle } = globalThis.crypto;
    const sender = await subtle.importKey(
      "raw",
      bytes.slice(0, KEY_BYTES),
      { name: "X25519" },
      false,
      [],
    );
    const shared = await subtle.deriveBits(
      { name: "X25519", public: sender },
      privateKey,
      KEY_BYTES * 8,
    );
    const aesKey = await subtle.importKey("raw", shared, { name: "AES-GCM" }, false, ["decrypt"]);
    plaintext = await subtle.decrypt(
      { name: "AES-GCM", iv: bytes.slice(KEY_BYTES, KEY_BYTES + IV_BYTES) },
      aesKey,
      bytes.slice(KEY_BYTES + IV_BYTES),
    );
  } catch {
    return { ok: false, reason: "undecryptable" };
  }
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(plaintext));
    const env = (parsed as { env?: unknown } | null)?.env;
    if (!isEnvList(env)) return { ok: false, reason: "not_env_json" };
    return { ok: true, envs: env.map(({ key, value }) => ({ key, value })) };
  } catch {
    return { ok: false, reason: "not_env_json" };
  }
}
