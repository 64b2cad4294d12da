import {
  createCipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  randomBytes,
} from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptEncryptedEnv } from "./env-decrypt";

/** The recipient's key pair in Web Crypto, as the mock KMS holds it. */
async function recipient() {
  const pair = (await crypto.subtle.generateKey({ name: "X25519" }, true, [
    "deriveBits",
  ])) as CryptoKeyPair;
  const raw = Buffer.from(await crypto.subtle.exportKey("raw", pair.publicKey));
  return { privateKey: pair.privateKey, publicRaw: raw };
}

/** An independent encryptor (node:crypto), so the helper is not checked against itself. */
function encrypt(plaintext: string, recipientPublic: Buffer): string {
  const ephemeral = generateKeyPairSync("x25519");
  const remote = createPublicKey({
    key: { kty: "OKP", crv: "X25519", x: recipientPublic.toString("base64url") },
    format: "jwk",
  });
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: remote });
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", shared, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const ephemeralRaw = Buffer.from(
    ephemeral.publicKey.export({ format: "jwk" }).x as string,
    "base64url",
  );
  return Buffer.concat([ephemeralRaw, iv, ciphertext, cipher.getAuthTag()]).toString("hex");
}

describe("decryptEncryptedEnv", () => {
  it("reads {env:[{key,value}]} encrypted to the KMS key", async () => {
    const kms = await recipient();
    const envs = [
      { key: "API_TOKEN", value: "s3cr3t" },
      { key: "GREETING", value: "héllo" },
    ];
    const hex = encrypt(JSON.stringify({ env: envs }), kms.publicRaw);
    expect(await decryptEncryptedEnv(hex, kms.privateKey)).toEqual({ ok: true, envs });
    expect(await decryptEncryptedEnv(`0x${hex}`, kms.privateKey)).toEqual({ ok: true, envs });
  });

  it("fails with another key", async () => {
    const kms = await recipient();
    const other = await recipient();
    const hex = encrypt('{"env":[]}', kms.publicRaw);
    expect(await decryptEncryptedEnv(hex, other.privateKey)).toEqual({
      ok: false,
      reason: "undecryptable",
    });
  });

  it("refuses what is not hex of key, IV and tag", async () => {
    const kms = await recipient();
    for (const bad of ["", "zz", "ab".repeat(59), "abc"]) {
      expect(await decryptEncryptedEnv(bad, kms.privateKey)).toEqual({
        ok: false,
        reason: "malformed",
      });
    }
  });

  it("refuses a plaintext that is not the env JSON", async () => {
    const kms = await recipient();
    for (const plaintext of ["KEY=value", '{"env":{"KEY":"value"}}', '{"env":[{"key":1}]}']) {
      expect(await decryptEncryptedEnv(encrypt(plaintext, kms.publicRaw), kms.privateKey)).toEqual({
        ok: false,
        reason: "not_env_json",
      });
    }
  });
});
