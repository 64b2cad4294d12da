import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import {
  mock,
  NOW,
  tdxQuote,
  tick,
  toHex,
  useAttestationMock,
  verify,
} from "./attestations.test-support";

useAttestationMock();

const form = (hex: string) => {
  const body = new FormData();
  body.append("hex", hex);
  return body;
};

describe("the reads of verified quotes", () => {
  it("recent lists them newest first; view, collateral and raw read each by checksum", async () => {
    expect((await getJson(mock.url, "/attestations/recent")).body).toEqual([]);
    const first = tdxQuote(10);
    const second = tdxQuote(11);
    const a = await verify(form(toHex(first)));
    tick();
    const b = await verify(form(toHex(second)));
    // Verified again: it keeps its place and its first upload time.
    tick();
    await verify(form(toHex(first)));

    const recent = await getJson(mock.url, "/attestations/recent");
    expect(contractMismatches("GET /attestations/recent", recent.body)).toEqual([]);
    expect(recent.body).toEqual([
      { checksum: b.body.checksum, verified: 1, created_at: "2026-03-05T10:01:00.000Z" },
      { checksum: a.body.checksum, verified: 1, created_at: NOW.toISOString() },
    ]);
    expect((await getJson(mock.url, "/attestations/recent?skip=1&limit=1")).body).toHaveLength(1);

    const view = await getJson(mock.url, `/attestations/view/${a.body.checksum}`);
    expect(contractMismatches("GET /attestations/view/{checksum}", view.body)).toEqual([]);
    expect(view.body).toMatchObject({
      checksum: a.body.checksum,
      header: a.body.quote.header,
      body: a.body.quote.body,
      verified: true,
      uploaded_at: NOW.toISOString(),
    });

    const collateral = await getJson(mock.url, `/attestations/collateral/${a.body.checksum}`);
    expect(contractMismatches("GET /attestations/collateral/{checksum}", collateral.body)).toEqual(
      [],
    );
    expect(collateral.body).toEqual(a.body.quote_collateral);
    expect(collateral.headers.get("etag")).toBe(`"${a.body.checksum}"`);

    const raw = await fetch(`${mock.url}/attestations/raw/${b.body.checksum}`);
    expect(raw.headers.get("content-type")).toBe("application/octet-stream");
    expect(raw.headers.get("content-disposition")).toBe(
      `attachment; filename=${b.body.checksum}.bin`,
    );
    expect(new Uint8Array(await raw.arrayBuffer())).toEqual(second);
  });

  it("an unknown checksum is a 404; bad paging a 422", async () => {
    for (const read of ["view", "collateral", "raw"]) {
      const { status, body } = await getJson(mock.url, `/attestations/${read}/${"0".repeat(64)}`);
      expect(status).toBe(404);
      expect(body).toEqual({ detail: "Quote not found" });
    }
    expect((await getJson(mock.url, "/attestations/recent?limit=101")).status).toBe(422);
    expect((await getJson(mock.url, "/attestations/recent?skip=-1")).status).toBe(422);
  });
});
