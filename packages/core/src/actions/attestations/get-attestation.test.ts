import { describe, expect, it } from "vitest";
import { NotFoundError, RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { CHECKSUM, quote, setup } from "./attestations.test-support";
import { getAttestation, safeGetAttestation } from "./get-attestation";

describe("getAttestation", () => {
  it("GETs /attestations/view/{checksum}: the parsed quote, defaults filled", async () => {
    const { client, call } = setup({ body: { ...quote, checksum: CHECKSUM } });
    const view = await getAttestation(client, { checksum: CHECKSUM });
    expect(call().url).toBe(`${TEST_BASE_URL}/attestations/view/${CHECKSUM}`);
    expect(view.body.mrtd).toBe(quote.body.mrtd);
    expect(view).toMatchObject({ verified: false, cert_data: null, uploaded_at: null });
  });

  it("an unknown checksum is a 404; an empty one is refused before sending", async () => {
    const missing = setup({ status: 404, body: { detail: "Quote not found" } });
    await expect(getAttestation(missing.client, { checksum: "00" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const empty = setup({ body: {} });
    const result = await safeGetAttestation(empty.client, { checksum: " " });
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect(empty.fake.calls).toHaveLength(0);
  });
});
