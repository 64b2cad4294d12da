import { verifyAttestationResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";

/** The quote to verify: as hex text (`0x` and whitespace allowed), or as its bytes. */
export type VerifyAttestationArgs =
  | { hex: string; quote?: never }
  | { quote: Uint8Array; hex?: never };

const NAME = "verifyAttestation";
/** Not a hex digit in it, so no hex payload can contain it. */
const BOUNDARY = "phala-cloud-sdk-quote";

/** The quote as lower-case hex without `0x`; refuses anything that is not one. */
function quoteHex(args: VerifyAttestationArgs): string {
  const given = checkBodyArgs(NAME, args, { hex: "string", quote: "object" });
  if ((given.hex === undefined) === (given.quote === undefined)) {
    invalidArguments(NAME, [{ path: "hex|quote", message: "give exactly one of hex or quote" }]);
  }
  if (given.quote !== undefined) {
    const bytes = given.quote;
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
      invalidArguments(NAME, [
        { path: "quote", message: "expected the quote's bytes (Uint8Array)" },
      ]);
    }
    let hex = "";
    for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
    return hex;
  }
  const hex = (given.hex as string).replace(/\s+/g, "").replace(/^0x/i, "");
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) {
    invalidArguments(NAME, [
      {
        path: "hex",
        message: "expected the quote as hex: an even number of hex digits, 0x allowed",
      },
    ]);
  }
  return hex.toLowerCase();
}

/**
 * Uploads an SGX or TDX quote for Phala Cloud to verify and keep:
 * `POST /attestations/verify`, the quote sent as the `hex` field of a
 * `multipart/form-data` body (bytes given as `quote` are sent as their hex).
 * Resolves the verdict (`success`, the parsed `quote` with `verified`, the
 * `quote_collateral` it was checked with, `proof_of_cloud`) and the quote's
 * `checksum`, which `getAttestation`, `getAttestationCollateral` and
 * `getRawAttestation` take. A quote that cannot be parsed is a 422, one that
 * fails verification a 400.
 */
export const verifyAttestation = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: verifyAttestationResponseSchemas,
  plan: (args: VerifyAttestationArgs) => ({
    method: "POST",
    path: "/attestations/verify",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="hex"\r\n\r\n${quoteHex(args)}\r\n--${BOUNDARY}--\r\n`,
  }),
});

export const safeVerifyAttestation = /* @__PURE__ */ safe(verifyAttestation);
