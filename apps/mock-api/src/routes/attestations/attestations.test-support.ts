// Shared by the tests of the attestation routes: a mock for the file, and quotes.
import { afterAll, beforeAll } from "vitest";
import { type RunningMockApi, startMockApi } from "../../server";
import { INTEL_QE_VENDOR, MIN_QUOTE_LENGTH, TEE_TDX } from "./store";

export let mock: RunningMockApi;
export const NOW = new Date("2026-03-05T10:00:00.000Z");
let clock = NOW.getTime();

/** Starts one mock (its clock moved on by `tick`) before the file's tests, closed after. */
export function useAttestationMock(): void {
  beforeAll(async () => {
    mock = await startMockApi({ now: () => new Date(clock) });
  });
  afterAll(() => mock.close());
}

/** Moves the mock's clock on by a minute. */
export function tick(): void {
  clock += 60_000;
}

/**
 * A TDX quote (version 4, ECDSA P-256) whose other bytes come from `seed`: every
 * byte value occurs, so a read that is not byte for byte shows.
 */
export function tdxQuote(seed: number, qeVendor = INTEL_QE_VENDOR): Uint8Array {
  const bytes = new Uint8Array(MIN_QUOTE_LENGTH + 128).map((_, index) => (index * 7 + seed) % 256);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 4, true);
  view.setUint16(2, 2, true);
  view.setUint32(4, TEE_TDX, true);
  bytes.set(
    qeVendor.match(/../g)!.map((pair) => Number.parseInt(pair, 16)),
    12,
  );
  return bytes;
}

export const toHex = (bytes: Uint8Array) =>
  [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");

/** POSTs to /attestations/verify a body and its content type. */
export async function verify(body: BodyInit, contentType?: string) {
  const response = await fetch(`${mock.url}/attestations/verify`, {
    method: "POST",
    headers: contentType ? { "Content-Type": contentType } : {},
    body,
  });
  return { status: response.status, body: await response.json() };
}
