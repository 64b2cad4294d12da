// The quotes the mock has verified, by checksum, and how it reads one. The
// checksum is the SHA-256 of the quote's bytes, in hex: what Phala's Attestation
// API documentation says `checksum` is.
import { deterministicHex, deterministicUuid } from "../../internal/deterministic-hex";
import { type MockState, resourceState } from "../../model";

/** What the public routes need of the mock: its model and its clock. */
export interface AttestationMock {
  state: MockState;
  now: () => Date;
}

/** The header and body of a TDX quote as `POST /attestations/verify` parses them. */
export interface ParsedQuote {
  header: {
    version: number;
    ak_type: number;
    tee_type: number;
    qe_vendor: string;
    user_data: string;
  };
  body: Record<QuoteBodyField, string>;
}

export interface StoredQuote extends ParsedQuote {
  id: string;
  checksum: string;
  bytes: Uint8Array;
  verified: boolean;
  /** When it was first uploaded; a quote verified again keeps it. */
  uploadedAt: string;
  verifiedAt: string;
}

interface AttestationStore {
  quotes: Map<string, StoredQuote>;
  /** Checksums in the order they were first uploaded. */
  order: string[];
}

export function attestationStore(state: MockState): AttestationStore {
  return resourceState(state, "attestations", () => ({ quotes: new Map(), order: [] }));
}

/** The quotes newest first, as `GET /attestations/recent` lists them. */
export function recentQuotes(state: MockState): StoredQuote[] {
  const { quotes, order } = attestationStore(state);
  return [...order].reverse().map((checksum) => quotes.get(checksum)!);
}

export function findQuote(state: MockState, checksum: string): StoredQuote | undefined {
  return attestationStore(state).quotes.get(checksum.trim().toLowerCase());
}

/** Keeps a verified quote; one seen before keeps its id and first upload time. */
export function storeQuote(
  state: MockState,
  parsed: ParsedQuote,
  bytes: Uint8Array,
  checksum: string,
  verified: boolean,
  now: Date,
): StoredQuote {
  const store = attestationStore(state);
  const known = store.quotes.get(checksum);
  const quote: StoredQuote = {
    ...parsed,
    id: known?.id ?? deterministicUuid(`attestation:${checksum}`),
    checksum,
    bytes,
    verified,
    uploadedAt: known?.uploadedAt ?? now.toISOString(),
    verifiedAt: now.toISOString(),
  };
  if (!known) store.order.push(checksum);
  store.quotes.set(checksum, quote);
  return quote;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

// --- Reading a quote ---------------------------------------------------------------

/** Intel's QE vendor id: a quote from another quoting enclave does not verify. */
export const INTEL_QE_VENDOR = "939a7233f79c4ca9940a0db3957f0607";
/** `tee_type` of a TDX quote. */
export const TEE_TDX = 0x81;
/** Attestation key types the reference lists: ECDSA P-256 (2) and P-384 (3). */
const AK_TYPES = [2, 3];
const HEADER_LENGTH = 48;

/** The TD report of a TDX quote body, field by field, in order, with its size in bytes. */
const BODY_FIELDS = [
  ["tee_tcb_svn", 16],
  ["mrseam", 48],
  ["mrsignerseam", 48],
  ["seamattributes", 8],
  ["tdattributes", 8],
  ["xfam", 8],
  ["mrtd", 48],
  ["mrconfig", 48],
  ["mrowner", 48],
  ["mrownerconfig", 48],
  ["rtmr0", 48],
  ["rtmr1", 48],
  ["rtmr2", 48],
  ["rtmr3", 48],
  ["reportdata", 64],
] as const;

type QuoteBodyField = (typeof BODY_FIELDS)[number][0];

/** A TDX quote is at least its header and its TD report (the signature data follows). */
export const MIN_QUOTE_LENGTH =
  HEADER_LENGTH + BODY_FIELDS.reduce((sum, [, size]) => sum + size, 0);

const hex = (bytes: Uint8Array) =>
  [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");

/**
 * The header and TD report of a TDX quote (version 4 or 5), as the documentation
 * shows them (`0x` hex, `tee_tcb_svn` without); undefined for anything else. The
 * mock parses TDX quotes only, and neither reads the certificate data nor checks
 * the signature.
 */
export function parseTdxQuote(bytes: Uint8Array): ParsedQuote | undefined {
  if (bytes.length < MIN_QUOTE_LENGTH) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(0, true);
  const akType = view.getUint16(2, true);
  const teeType = view.getUint32(4, true);
  if (![4, 5].includes(version) || !AK_TYPES.includes(akType) || teeType !== TEE_TDX) {
    return undefined;
  }
  const body = {} as Record<QuoteBodyField, string>;
  let offset = HEADER_LENGTH;
  for (const [name, size] of BODY_FIELDS) {
    const field = hex(bytes.subarray(offset, offset + size));
    body[name] = name === "tee_tcb_svn" ? field : `0x${field}`;
    offset += size;
  }
  return {
    header: {
      version,
      ak_type: akType,
      tee_type: teeType,
      qe_vendor: `0x${hex(bytes.subarray(12, 28))}`,
      user_data: `0x${hex(bytes.subarray(28, 48))}`,
    },
    body,
  };
}

// --- The collateral ------------------------------------------------------------------

const pem = (label: string) =>
  `-----BEGIN CERTIFICATE-----\n${deterministicHex(`pem:${label}`, 64)}\n-----END CERTIFICATE-----\n`;

/** The Intel collateral the mock verifies every TDX quote with (one platform, one TCB). */
export const QUOTE_COLLATERAL = {
  pck_crl_issuer_chain: pem("pck-crl-issuer"),
  root_ca_crl: deterministicHex("root-ca-crl", 256),
  pck_crl: deterministicHex("pck-crl", 512),
  tcb_info_issuer_chain: pem("tcb-info-issuer"),
  tcb_info: JSON.stringify({
    id: "TDX",
    version: 3,
    issueDate: "2026-01-01T00:00:00Z",
    nextUpdate: "2026-02-01T00:00:00Z",
    fmspc: "90c06f000000",
    tcbType: 0,
    tcbEvaluationDataNumber: 17,
  }),
  tcb_info_signature: deterministicHex("tcb-info-signature", 128),
  qe_identity_issuer_chain: pem("qe-identity-issuer"),
  qe_identity: JSON.stringify({
    id: "TD_QE",
    version: 2,
    issueDate: "2026-01-01T00:00:00Z",
    nextUpdate: "2026-02-01T00:00:00Z",
    tcbEvaluationDataNumber: 17,
  }),
  qe_identity_signature: deterministicHex("qe-identity-signature", 128),
};
