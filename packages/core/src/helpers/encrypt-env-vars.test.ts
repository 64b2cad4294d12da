import { createDecipheriv, createPublicKey, diffieHellman, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PhalaCloudError, RequestValidationError } from "../errors";
import { decryptEnvVars, encryptEnvVars } from "./encrypt-env-vars";
import { bytesToHex, hexToBytes } from "./hex";

async function x25519KeyPair() {
  const pair = (await crypto.subtle.generateKey({ name: "X25519" }, true, [
    "deriveBits",
  ])) as CryptoKeyPair;
  const publicHex = bytesToHex(
    new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)),
  );
  return { privateKey: pair.privateKey, publicHex };
}

const ENVS = [
  { key: "DATABASE_URL", value: "postgres://u:p@db:5432/app" },
  { key: "GREETING", value: "héllo 🌍" },
  { key: "EMPTY", value: "" },
];

describe("encryptEnvVars", () => {
  it("produces hex of ephemeral key || IV || ciphertext+tag that the key holder decrypts", async () => {
    const kms = await x25519KeyPair();
    const encrypted = await encryptEnvVars(ENVS, kms.publicHex);
    expect(encrypted).toMatch(/^[0-9a-f]+$/);
    const plaintextLength = new TextEncoder().encode(JSON.stringify({ env: ENVS })).length;
    expect(encrypted.length / 2).toBe(32 + 12 + plaintextLength + 16);
    expect(await decryptEnvVars(encrypted, kms.privateKey)).toEqual(ENVS);
  });

  it("is readable by an independent decryptor (node:crypto X25519 + aes-256-gcm)", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("x25519");
    const publicHex = Buffer.from(
      publicKey.export({ format: "jwk" }).x as string,
      "base64url",
    ).toString("hex");
    const encrypted = Buffer.from(await encryptEnvVars(ENVS, publicHex), "hex");
    const ephemeral = createPublicKey({
      key: { kty: "OKP", crv: "X25519", x: encrypted.subarray(0, 32).toString("base64url") },
      format: "jwk",
    });
    const shared = diffieHellman({ privateKey, publicKey: ephemeral });
    const decipher = createDecipheriv("aes-256-gcm", shared, encrypted.subarray(32, 44));
    decipher.setAuthTag(encrypted.subarray(encrypted.length - 16));
    const plaintext = Buffer.concat([
      decipher.update(encrypted.subarray(44, encrypted.length - 16)),
      decipher.final(),
    ]).toString("utf8");
    expect(plaintext).toBe(JSON.stringify({ env: ENVS }));
  });

  it('serialises exactly {"env":[{key,value}]} with no extra fields', async () => {
    const kms = await x25519KeyPair();
    const withExtra = [{ key: "A", value: "1", secret: true } as { key: string; value: string }];
    const encrypted = await encryptEnvVars(withExtra, kms.publicHex);
    expect(encrypted.length / 2).toBe(32 + 12 + '{"env":[{"key":"A","value":"1"}]}'.length + 16);
    expect(await decryptEnvVars(encrypted, kms.privateKey)).toEqual([{ key: "A", value: "1" }]);
  });

  it("uses a fresh ephemeral key and IV each time", async () => {
    const kms = await x25519KeyPair();
    const first = await encryptEnvVars(ENVS, kms.publicHex);
    const second = await encryptEnvVars(ENVS, kms.publicHex);
    expect(first.slice(0, 64)).not.toBe(second.slice(0, 64));
    expect(first.slice(64, 88)).not.toBe(second.slice(64, 88));
  });

  it("accepts a 0x-prefixed key, in either case", async () => {
    const kms = await x25519KeyPair();
    const encrypted = await encryptEnvVars(ENVS, `0x${kms.publicHex.toUpperCase()}`);
    expect(await decryptEnvVars(encrypted, kms.privateKey)).toEqual(ENVS);
  });

  it("cannot be decrypted with another key", async () => {
    const kms = await x25519KeyPair();
    const other = await x25519KeyPair();
    const encrypted = await encryptEnvVars(ENVS, kms.publicHex);
    await expect(decryptEnvVars(encrypted, other.privateKey)).rejects.toThrow(PhalaCloudError);
    await expect(decryptEnvVars(encrypted, other.privateKey)).rejects.toThrow(
      "wrong key or corrupted ciphertext",
    );
  });

  it("detects a flipped ciphertext bit", async () => {
    const kms = await x25519KeyPair();
    const bytes = hexToBytes(await encryptEnvVars(ENVS, kms.publicHex)) as Uint8Array;
    bytes[50] = (bytes[50] as number) ^ 1;
    await expect(decryptEnvVars(bytesToHex(bytes), kms.privateKey)).rejects.toThrow(
      "wrong key or corrupted ciphertext",
    );
  });

  it.each([
    ["too short", "ab".repeat(31)],
    ["too long", "ab".repeat(33)],
    ["not hex", "zz".repeat(32)],
    ["odd length", `${"a".repeat(63)}`],
    ["a 65-byte secp256k1 key", `04${"ab".repeat(64)}`],
  ])("refuses a public key that is %s, before any crypto", async (_label, key) => {
    const error = await encryptEnvVars(ENVS, key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues).toEqual([
      { path: "publicKeyHex", message: expect.stringContaining("64 hex characters") },
    ]);
  });

  it("refuses a low-order public key (all-zero shared secret)", async () => {
    await expect(encryptEnvVars(ENVS, "00".repeat(32))).rejects.toThrow(RequestValidationError);
  });

  it("names each bad env entry", async () => {
    const kms = await x25519KeyPair();
    const error = await encryptEnvVars(
      [{ key: "", value: "x" }, { key: "OK", value: 5 as unknown as string }, null as never],
      kms.publicHex,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.path)).toEqual([
      "envs.0.key",
      "envs.1.value",
      "envs.2.key",
      "envs.2.value",
    ]);
    await expect(encryptEnvVars("A=1" as never, kms.publicHex)).rejects.toThrow("envs: expected");
  });

  it("encrypts an empty list", async () => {
    const kms = await x25519KeyPair();
    expect(await decryptEnvVars(await encryptEnvVars([], kms.publicHex), kms.privateKey)).toEqual(
      [],
    );
  });

  it("decryptEnvVars refuses input too short to hold key, IV and tag", async () => {
    const kms = await x25519KeyPair();
    await expect(decryptEnvVars("ab".repeat(59), kms.privateKey)).rejects.toThrow(
      "expected hex of public key || IV || ciphertext",
    );
  });
});
