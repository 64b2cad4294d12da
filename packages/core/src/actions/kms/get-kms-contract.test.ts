import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError, type RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { getKmsContract, safeGetKmsContract } from "./get-kms-contract";
import { contract, itPinsContractCentric, setup } from "./kms.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("getKmsContract", () => {
  it("GETs /kms/{slug}", async () => {
    const { fake, client } = setup({ body: contract });
    await expect(getKmsContract(client, { slug: "phala" })).resolves.toEqual(contract);
    expect(fake.calls[0]).toMatchObject({ method: "GET", url: `${TEST_BASE_URL}/kms/phala` });
    await getKmsContract(client, { slug: "a b/c" });
    expect(fake.calls[1]!.url).toBe(`${TEST_BASE_URL}/kms/a%20b%2Fc`);
  });

  it("refuses a missing slug before sending and maps 404", async () => {
    const { fake, client } = setup({ status: 404, body: { detail: "KMS contract not found" } });
    const refused = await safeGetKmsContract(client, {} as never);
    expect((refused.error as RequestValidationError).issues[0]!.path).toBe("slug");
    expect(fake.calls).toHaveLength(0);
    const missing = await safeGetKmsContract(client, { slug: "nope" });
    expect(missing.error).toBeInstanceOf(NotFoundError);
  });
});

describe("getKmsContract: the version it sends (contract-centric)", () => {
  itPinsContractCentric((c) => getKmsContract(c, { slug: "phala" }), contract);
});
