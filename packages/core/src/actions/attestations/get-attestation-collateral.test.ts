import { describe, expect, it } from "vitest";
import { ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { CHECKSUM, collateral, setup } from "./attestations.test-support";
import {
  getAttestationCollateral,
  safeGetAttestationCollateral,
} from "./get-attestation-collateral";

describe("getAttestationCollateral", () => {
  it("GETs /attestations/collateral/{checksum}", async () => {
    const { client, call } = setup({ body: collateral });
    await expect(getAttestationCollateral(client, { checksum: CHECKSUM })).resolves.toEqual(
      collateral,
    );
    expect(call().url).toBe(`${TEST_BASE_URL}/attestations/collateral/${CHECKSUM}`);
  });

  it("refuses a collateral without its TCB info", async () => {
    const { tcb_info: _, ...partial } = collateral;
    const { client } = setup({ body: partial });
    const result = await safeGetAttestationCollateral(client, { checksum: CHECKSUM });
    expect(result.error).toBeInstanceOf(ResponseValidationError);
  });
});
