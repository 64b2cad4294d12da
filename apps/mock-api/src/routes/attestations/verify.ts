// POST /attestations/verify: a quote uploaded as a file or as hex (multipart or
// URL-encoded form, or a JSON `{ hex }`, as Phala's documentation lists them),
// parsed, judged and kept under its checksum for the reads of reads.ts. The mock
// does not check signatures: a well-formed TDX quote from Intel's quoting enclave
// verifies, one from another vendor fails verification (400).
import type { Context, Hono } from "hono";
import { readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { MockApiError, validationError } from "../../internal/errors";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import {
  type AttestationMock,
  INTEL_QE_VENDOR,
  parseTdxQuote,
  QUOTE_COLLATERAL,
  type StoredQuote,
  sha256Hex,
  storeQuote,
} from "./store";

const badRequest = (detail: string) => new MockApiError(400, { detail });

function hexBytes(text: string, source: "form" | "JSON"): Uint8Array {
  const hex = text.replace(/\s+/g, "").replace(/^0x/i, "");
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) {
    throw badRequest(
      `Invalid ${source} hex: Invalid hex string: expected an even number of hex digits`,
    );
  }
  return Uint8Array.from(hex.match(/../g)!, (pair) => Number.parseInt(pair, 16));
}

/** The quote's bytes from whichever form the request used; exactly one of file or hex. */
async function readUpload(c: Context<MockEnv>): Promise<Uint8Array> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  let file: unknown;
  let hex: unknown;
  const source = type === "application/json" ? "JSON" : "form";
  if (type === "application/json") {
    hex = (await readJsonObject(c.req, "empty-object")).hex;
  } else if (type === "multipart/form-data" || type === "application/x-www-form-urlencoded") {
    const form = await c.req.parseBody();
    file = form.file;
    hex = form.hex;
  }
  const hasFile = file instanceof Blob && file.size > 0;
  const hasHex = typeof hex === "string" && hex.trim() !== "";
  if (!hasFile && !hasHex) throw badRequest("Either 'file' or 'hex' must be provided");
  if (hasFile && hasHex) throw badRequest("Only one of 'file' or 'hex' should be provided");
  if (hasFile) return new Uint8Array(await (file as Blob).arrayBuffer());
  return hexBytes(hex as string, source);
}

export function renderVerification(
  quote: StoredQuote,
): WireBody<"verifyAttestation", RenderVersion> {
  return {
    id: quote.id,
    success: true,
    proof_of_cloud: false,
    quote: { header: quote.header, body: quote.body, cert_data: null, verified: quote.verified },
    checksum: quote.checksum,
    can_download: true,
    uploaded_at: quote.uploadedAt,
    verified_at: quote.verifiedAt,
    quote_collateral: QUOTE_COLLATERAL,
    node_provider: null,
  };
}

export function registerVerifyRoutes(api: Hono<MockEnv>, mock: AttestationMock) {
  api.post("/attestations/verify", async (c) => {
    const bytes = await readUpload(c);
    const parsed = parseTdxQuote(bytes);
    if (!parsed) {
      throw validationError([
        {
          type: "value_error",
          loc: ["body", "file"],
          msg: "Value error, Invalid quote: malformed quote structure (the mock reads TDX quotes, version 4 or 5)",
          input: null,
        },
      ]);
    }
    if (parsed.header.qe_vendor !== `0x${INTEL_QE_VENDOR}`) {
      throw badRequest("Quote verification failed");
    }
    const checksum = await sha256Hex(bytes);
    const quote = storeQuote(mock.state, parsed, bytes, checksum, true, mock.now());
    return c.json(renderVerification(quote));
  });
}
