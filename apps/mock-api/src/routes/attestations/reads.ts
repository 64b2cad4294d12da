// GET /attestations/recent, /view/{checksum}, /collateral/{checksum} and
// /raw/{checksum}: the quotes verified through /attestations/verify.
import type { Hono } from "hono";
import type { MockEnv } from "../../internal/env";
import { MockApiError } from "../../internal/errors";
import { QueryReader } from "../../internal/query";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import {
  type AttestationMock,
  findQuote,
  QUOTE_COLLATERAL,
  recentQuotes,
  type StoredQuote,
} from "./store";

function quoteOf(mock: AttestationMock, checksum: string): StoredQuote {
  const quote = findQuote(mock.state, checksum);
  if (!quote) throw new MockApiError(404, { detail: "Quote not found" });
  return quote;
}

export function registerAttestationReadRoutes(api: Hono<MockEnv>, mock: AttestationMock) {
  api.get("/attestations/recent", (c) => {
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const skip = query.int("skip", 0, { ge: 0 });
    const limit = query.int("limit", 20, { ge: 1, le: 100 });
    query.assertValid();
    const body: WireBody<"listRecentAttestations", RenderVersion> = recentQuotes(mock.state)
      .slice(skip, skip + limit)
      .map((quote) => ({
        checksum: quote.checksum,
        verified: quote.verified ? 1 : 0,
        created_at: quote.uploadedAt,
      }));
    return c.json(body);
  });

  api.get("/attestations/view/:checksum", (c) => {
    const quote = quoteOf(mock, c.req.param("checksum"));
    const body: WireBody<"getAttestation", RenderVersion> = {
      header: quote.header,
      body: quote.body,
      cert_data: null,
      verified: quote.verified,
      uploaded_at: quote.uploadedAt,
      checksum: quote.checksum,
      can_download: true,
    };
    return c.json(body);
  });

  api.get("/attestations/collateral/:checksum", (c) => {
    const quote = quoteOf(mock, c.req.param("checksum"));
    const body: WireBody<"getAttestationCollateral", RenderVersion> = QUOTE_COLLATERAL;
    return c.json(body, 200, {
      "Cache-Control": "public, max-age=86400",
      ETag: `"${quote.checksum}"`,
    });
  });

  api.get("/attestations/raw/:checksum", (c) => {
    const quote = quoteOf(mock, c.req.param("checksum"));
    return c.body(quote.bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename=${quote.checksum}.bin`,
    });
  });
}
