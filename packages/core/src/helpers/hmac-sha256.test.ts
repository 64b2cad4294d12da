import { createHash, createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bytesToHex } from "./hex";
import { hmacSha256, sha256 } from "./hmac-sha256";

const hex = (bytes: Uint8Array) => bytesToHex(bytes);

describe("sha256", () => {
  it("matches the FIPS 180-2 examples", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(hex(sha256(text("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(hex(sha256(text("")))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(hex(sha256(text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("matches node:crypto at every padding boundary", () => {
    for (const length of [1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000]) {
      const message = randomBytes(length);
      expect(hex(sha256(message)), String(length)).toBe(
        createHash("sha256").update(message).digest("hex"),
      );
    }
  });
});

describe("hmacSha256", () => {
  it("matches node:crypto for short, block-sized and long keys", () => {
    for (const keyLength of [0, 1, 32, 63, 64, 65, 200]) {
      for (const messageLength of [0, 1, 64, 300]) {
        const key = randomBytes(keyLength);
        const message = randomBytes(messageLength);
        expect(hex(hmacSha256(key, message)), `${keyLength}/${messageLength}`).toBe(
          createHmac("sha256", key).update(message).digest("hex"),
        );
      }
    }
  });
});
