import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { getKmsOnChainDetail, safeGetKmsOnChainDetail } from "./get-kms-on-chain-detail";
import { setup } from "./kms.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("getKmsOnChainDetail", () => {
  it("GETs /kms/on-chain/{chain}", async () => {
    const body = {
      chain_name: "base",
      chain_id: 8453,
      contracts: [
        {
          contract_address: "0xabc",
          chain_id: 8453,
          chain_name: "base",
          devices: [],
          os_images: [],
        },
      ],
    };
    const { fake, client } = setup({ body });
    const result = await getKmsOnChainDetail(client, { chain: "base" });
    expect(fake.calls[0]).toMatchObject({
      method: "GET",
      url: `${TEST_BASE_URL}/kms/on-chain/base`,
    });
    expect(result.contracts[0]).toMatchObject({ devices: [], os_images: [] });
  });

  it("refuses an empty chain", async () => {
    const { fake, client } = setup({ body: {} });
    const result = await safeGetKmsOnChainDetail(client, { chain: "" });
    expect((result.error as RequestValidationError).issues[0]!.path).toBe("chain");
    expect(fake.calls).toHaveLength(0);
  });
});
