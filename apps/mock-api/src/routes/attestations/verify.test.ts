import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { tdxQuote, toHex, useAttestationMock, verify } from "./attestations.test-support";

useAttestationMock();

const multipart = (field: string, value: Blob | string) => {
  const form = new FormData();
  form.append(field, value);
  return form;
};

describe("POST /attestations/verify", () => {
  it("a TDX quote as a file: parsed, verified, kept under its SHA-256", async () => {
    const quote = tdxQuote(1);
    const { status, body } = await verify(
      multipart("file", new Blob([quote as Uint8Array<ArrayBuffer>])),
    );
    expect(status).toBe(200);
    expect(contractMismatches("POST /attestations/verify", body)).toEqual([]);
    expect(body.checksum).toBe(createHash("sha256").update(quote).digest("hex"));
    expect(body).toMatchObject({ success: true, can_download: true, proof_of_cloud: false });
    expect(body.quote.header).toEqual({
      version: 4,
      ak_type: 2,
      tee_type: 129,
      qe_vendor: "0x939a7233f79c4ca9940a0db3957f0607",
      user_data: `0x${toHex(quote.subarray(28, 48))}`,
    });
    expect(body.quote.body.mrtd).toBe(`0x${toHex(quote.subarray(48 + 136, 48 + 184))}`);
    expect(body.quote.verified).toBe(true);
    expect(body.quote_collateral.tcb_info).toContain('"id":"TDX"');
  });

  it("the same quote as hex in a form, URL-encoded or JSON: the same checksum and id", async () => {
    const quote = tdxQuote(2);
    const hex = toHex(quote);
    const form = await verify(multipart("hex", `0x${hex.toUpperCase()}`));
    const encoded = await verify(`hex=${hex}`, "application/x-www-form-urlencoded");
    const json = await verify(JSON.stringify({ hex }), "application/json");
    expect(form.status).toBe(200);
    for (const other of [encoded, json]) {
      expect(other.status).toBe(200);
      expect(other.body.checksum).toBe(form.body.checksum);
      expect(other.body.id).toBe(form.body.id);
    }
  });

  it("neither, both, or bad hex is a 400; a quote it cannot read a 422", async () => {
    expect((await verify(new FormData())).status).toBe(400);
    const both = multipart("hex", "00");
    both.append("file", new Blob([new Uint8Array([1])]));
    expect((await verify(both)).body).toEqual({
      detail: "Only one of 'file' or 'hex' should be provided",
    });
    expect((await verify(multipart("hex", "0xzz"))).status).toBe(400);
    const short = await verify(multipart("hex", "0400"));
    expect(short.status).toBe(422);
    expect(short.body.detail[0].msg).toContain("Invalid quote");
  });

  it("a quote from another quoting enclave fails verification (400)", async () => {
    const { status, body } = await verify(multipart("hex", toHex(tdxQuote(3, "00".repeat(16)))));
    expect(status).toBe(400);
    expect(body).toEqual({ detail: "Quote verification failed" });
  });
});
