// Shared by the tests of this folder's actions: a client answering one reply, the
// KMS node and KMS contract bodies, and the version each pinned action sends.
import { expect, it } from "vitest";
import type { AnyClient } from "../../client";
import { createBaseClient } from "../../client";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import type { ApiVersion } from "../../versions";

/** A client (on `version`, the default one when omitted) whose fetch answers `reply`. */
export function setup(reply: Parameters<typeof fakeFetch>[0], version?: ApiVersion) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    version,
  });
  return { fake, client };
}

/** A KMS node. */
export const kms = {
  id: "kms-base-prod",
  slug: "base-prod",
  url: "https://kms-base.phala.network",
  version: "v0.5.3",
  chain_id: 8453,
  kms_contract_address: "0xabc",
  gateway_app_id: "0xdef",
  k256_pubkey: null,
};

/** A KMS contract (2026-06-23). */
export const contract = {
  id: "kc_abc",
  slug: "phala",
  label: "Phala KMS",
  contract_address: "phala",
  chain_id: 0,
  k256_pubkey: "0x0334c7",
  ca_pubkey: "0xca00",
  node_count: 16,
};

/**
 * The node-keyed actions (`getKmsList`, `getKmsInfo`, `getAppEnvEncryptPubKey`):
 * a 2026-06-23 (or latest) client sends 2026-05-22, older ones their own.
 */
export function itPinsNodeKeyed(call: (client: AnyClient) => Promise<unknown>, body: unknown) {
  it.each([
    ["2026-06-23", "2026-05-22"],
    ["LATEST", "2026-05-22"],
    ["2026-05-22", "2026-05-22"],
    ["2026-01-21", "2026-01-21"],
    ["2025-10-28", "2025-10-28"],
  ] as const)("a %s client sends %s and gets the node shape", async (version, sent) => {
    const { fake, client } = setup({ body }, version);
    await expect(call(client)).resolves.toEqual(body);
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe(sent);
  });
}

/**
 * The contract-centric actions (`listKmsContracts`, `getKmsContract`,
 * `listKmsContractNodes`): every client sends 2026-06-23.
 */
export function itPinsContractCentric(
  call: (client: AnyClient) => Promise<unknown>,
  body: unknown,
) {
  it.each(["2025-10-28", "2026-01-21", "2026-05-22", "2026-06-23", "latest"] as const)(
    "a %s client sends 2026-06-23",
    async (version) => {
      const { fake, client } = setup({ body }, version);
      await expect(call(client)).resolves.toEqual(body);
      expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-06-23");
    },
  );
}
