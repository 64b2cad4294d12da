import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { CHECKSUM, collateral, quote, setup } from "./attestations.test-support";
import { safeVerifyAttestation, verifyAttestation } from "./verify-attestation";

const verdict = {
  id: "att_1",
  success: true,
  proof_of_cloud: false,
  quote: { ...quote, cert_data: null, verified: true },
  checksum: CHECKSUM,
  can_download: true,
  uploaded_at: "2026-01-21T10:00:00Z",
  verified_at: "2026-01-21T10:00:01Z",
  quote_collateral: collateral,
};

/** The `hex` field of the multipart body the SDK sent. */
function sentHex(body: unknown): string | undefined {
  return /name="hex"\r\n\r\n([0-9a-f]*)\r\n/.exec(String(body))?.[1];
}

describe("verifyAttestation", () => {
  it("POSTs the quote as the hex field of a multipart/form-data body", async () => {
    const { client, call } = setup({ body: verdict });
    const result = await verifyAttestation(client, { hex: "  0xABcd01\n" });
    expect(call().method).toBe("POST");
    expect(call().url).toBe(`${TEST_BASE_URL}/attestations/verify`);
    const contentType = call().headers["content-type"]!;
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const boundary = contentType.split("boundary=")[1]!;
    expect(String(call().body).startsWith(`--${boundary}\r\n`)).toBe(true);
    expect(String(call().body).endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
    expect(sentHex(call().body)).toBe("abcd01");
    expect(result.checksum).toBe(CHECKSUM);
    expect(result.quote?.header.tee_type).toBe(129);
    expect(result.node_provider).toBeNull();
  });

  it("sends the bytes of a quote given as a Uint8Array as their hex", async () => {
    const { client, call } = setup({ body: verdict });
    await verifyAttestation(client, { quote: new Uint8Array([0x04, 0x00, 0xff, 0x81]) });
    expect(sentHex(call().body)).toBe("0400ff81");
  });

  it.each([
    [{}, "hex|quote"],
    [{ hex: "00", quote: new Uint8Array([0]) }, "hex|quote"],
    [{ hex: "0xabc" }, "hex"],
    [{ hex: "zz" }, "hex"],
    [{ quote: new Uint8Array() }, "quote"],
    [{ quote: [1, 2] }, "quote"],
    [{ file: "quote.bin" }, "file"],
  ])("refuses %j before sending", async (args, path) => {
    const { client, fake } = setup({ body: verdict });
    const result = await safeVerifyAttestation(client, args as never);
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect((result.error as RequestValidationError).issues.map((issue) => issue.path)).toContain(
      path,
    );
    expect(fake.calls).toHaveLength(0);
  });

  it("a quote the API cannot parse is its 422", async () => {
    const { client } = setup({ status: 422, body: { detail: "Invalid quote: malformed quote" } });
    const result = await safeVerifyAttestation(client, { hex: "00" });
    expect(result.error?.status).toBe(422);
  });
});
