import { createHash } from "node:crypto";
import { createClient, NotFoundError } from "@phala/cloud";
import { describe, expect, it } from "vitest";
import { useMockApi } from "./harness";

// A quote verified through POST /attestations/verify, then read back by its
// checksum through every read of the Attestations tag; every answer of the mock
// is checked against the API contract.
const mock = useMockApi();

/** Intel's QE vendor id, which the mock's verification requires. */
const INTEL_QE_VENDOR = [
  0x93, 0x9a, 0x72, 0x33, 0xf7, 0x9c, 0x4c, 0xa9, 0x94, 0x0a, 0x0d, 0xb3, 0x95, 0x7f, 0x06, 0x07,
];

/**
 * A TDX quote (version 4, ECDSA P-256, TEE type 0x81): its 48-byte header, the
 * 584-byte TD report, then signature bytes. Every byte value occurs in it, so
 * a download that is not byte for byte shows.
 */
function tdxQuote(seed: number): Uint8Array {
  const bytes = new Uint8Array(48 + 584 + 256).map((_, index) => (index * 13 + seed) % 256);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 4, true);
  view.setUint16(2, 2, true);
  view.setUint32(4, 0x81, true);
  bytes.set(INTEL_QE_VENDOR, 12);
  return bytes;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("an attestation verified, then read back by its checksum", () => {
  it("verify, recent, view, collateral and raw agree on one quote", async () => {
    const client = createClient({ apiKey: "k", baseURL: mock.url });
    const quote = tdxQuote(1);

    const verdict = await client.verifyAttestation({ quote });
    expect(verdict.success).toBe(true);
    expect(verdict.quote?.verified).toBe(true);
    // The checksum is the quote's SHA-256, as Phala's documentation says.
    const checksum = createHash("sha256").update(quote).digest("hex");
    expect(verdict.checksum).toBe(checksum);
    expect(verdict.quote?.header).toMatchObject({ version: 4, ak_type: 2, tee_type: 0x81 });
    expect(verdict.quote?.body.reportdata).toBe(`0x${hex(quote.subarray(48 + 520, 48 + 584))}`);

    const recent = await client.listRecentAttestations({ limit: 10 });
    expect(recent[0]).toMatchObject({ checksum, verified: 1 });

    const view = await client.getAttestation({ checksum });
    expect(view).toMatchObject({ checksum, verified: true, uploaded_at: verdict.uploaded_at });
    expect(view.header).toEqual(verdict.quote?.header);
    expect(view.body).toEqual(verdict.quote?.body);

    const collateral = await client.getAttestationCollateral({ checksum });
    expect(collateral).toEqual(verdict.quote_collateral);
    expect(JSON.parse(collateral.tcb_info)).toMatchObject({ id: "TDX" });

    const raw = await client.getRawAttestation({ checksum });
    expect(raw).toBeInstanceOf(Uint8Array);
    expect(raw).toEqual(quote);
  });

  it("the same quote sent as hex, in another version, is the same attestation", async () => {
    const client = createClient({ apiKey: "k", baseURL: mock.url, version: "2025-10-28" });
    const quote = tdxQuote(2);
    const first = await client.verifyAttestation({ quote });
    const again = await client.verifyAttestation({ hex: `0x${hex(quote).toUpperCase()}` });
    expect(again.checksum).toBe(first.checksum);
    expect(again.id).toBe(first.id);
    expect(again.uploaded_at).toBe(first.uploaded_at);
    const recent = await client.listRecentAttestations();
    expect(recent.filter((item) => item.checksum === first.checksum)).toHaveLength(1);
  });

  it("an unknown checksum is a 404 for every read; a malformed quote a 422", async () => {
    const client = createClient({ apiKey: "k", baseURL: mock.url });
    const checksum = "0".repeat(64);
    for (const read of [
      client.safeGetAttestation({ checksum }),
      client.safeGetAttestationCollateral({ checksum }),
      client.safeGetRawAttestation({ checksum }),
    ]) {
      const result = await read;
      expect(result.error).toBeInstanceOf(NotFoundError);
    }
    const malformed = await client.safeVerifyAttestation({ hex: "0400" });
    expect(malformed.error?.status).toBe(422);
  });

  it("the machines it runs on: nodes, with the PPIDs and device ids listed apart", async () => {
    const client = createClient({ apiKey: "k", baseURL: mock.url });
    const nodes = await client.listAttestationNodes();
    expect(nodes.length).toBeGreaterThan(0);
    expect(await client.listAttestationPpids()).toEqual(nodes.map((node) => node.ppid));
    expect(await client.listAttestationDeviceIds()).toEqual(nodes.map((node) => node.device_id));
  });
});
