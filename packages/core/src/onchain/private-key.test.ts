import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { PhalaCloudError } from "../errors";
import { addComposeHash, safeAddComposeHash } from "./add-compose-hash";
import { deployAppAuth } from "./deploy-app-auth";
import { APP, CHAIN, HASH, KMS, PRIVATE_KEY } from "./onchain.test-support";
import { holdPrivateKey } from "./private-key";

const DIGITS = PRIVATE_KEY.slice(2);

/** Every form an error can be read in: message, JSON, inspect (causes included), string. */
function everyForm(value: unknown): string {
  return [
    String(value),
    JSON.stringify(value, (_, v) => (typeof v === "bigint" ? String(v) : v)),
    inspect(value, { depth: 20, showHidden: true }),
    value instanceof Error ? `${value.message}\n${value.stack}` : "",
  ].join("\n");
}

describe("the private key", () => {
  it("is held where no serialisation reaches it, and scrubbed from foreign text", () => {
    const key = holdPrivateKey(DIGITS.toUpperCase());
    expect(key.reveal()).toBe(PRIVATE_KEY);
    expect(everyForm({ key })).not.toMatch(new RegExp(DIGITS, "i"));
    expect(key.scrub(`url http://x/${PRIVATE_KEY}?k=${DIGITS.toUpperCase()} end`)).toBe(
      "url http://x/[private key]?k=[private key] end",
    );
    expect(key.appearsIn(new Error("outer", { cause: { body: `k=${DIGITS}` } }))).toBe(true);
    expect(key.appearsIn(new Error("clean"))).toBe(false);
  });

  it("never appears in an error, even when the node's error quotes it", async () => {
    // A node URL that holds the key (as some providers' URLs hold an API key):
    // viem's connection error quotes the URL. Port 9 on loopback refuses at once.
    const logs = [vi.spyOn(console, "log"), vi.spyOn(console, "warn"), vi.spyOn(console, "error")];
    const args = {
      chain: CHAIN,
      rpcUrl: `http://127.0.0.1:9/${PRIVATE_KEY}`,
      appId: APP,
      composeHash: HASH,
      privateKey: PRIVATE_KEY,
    };
    const error = await addComposeHash(args).catch((e) => e);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect(error.message).toContain("HTTP request failed");
    // viem's error quotes the URL, so it is not kept as the cause.
    expect(error.cause).toBeUndefined();
    expect(everyForm(error)).not.toMatch(new RegExp(DIGITS, "i"));
    const safe = await safeAddComposeHash(args);
    expect(everyForm(safe)).not.toMatch(new RegExp(DIGITS, "i"));
    const deploy = await deployAppAuth({ ...args, kmsContractAddress: KMS }).catch((e) => e);
    expect(everyForm(deploy)).not.toMatch(new RegExp(DIGITS, "i"));
    const invalid = await addComposeHash({ ...args, privateKey: `0x${"0".repeat(64)}` }).catch(
      (e) => e,
    );
    expect(invalid.issues).toEqual([
      { path: "privateKey", message: "not a valid secp256k1 private key" },
    ]);
    for (const spy of logs) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  }, 30_000);
});
