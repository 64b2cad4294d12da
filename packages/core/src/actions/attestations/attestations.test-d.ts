import type {
  AttestationVerification,
  AttestationView,
  QuoteCollateralV3,
  RecentAttestations,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import { createClient } from "../../create-client";
import {
  getAttestation,
  getAttestationCollateral,
  getRawAttestation,
  listAttestationPpids,
  listRecentAttestations,
  safeGetRawAttestation,
  verifyAttestation,
} from "./index";

const client = createBaseClient({ apiKey: "k" });

describe("attestation action types", () => {
  it("the same answer in every version", async () => {
    expectTypeOf(
      await verifyAttestation(client, { hex: "00" }),
    ).toEqualTypeOf<AttestationVerification>();
    expectTypeOf(
      await verifyAttestation(client.withVersion("2025-10-28"), { quote: new Uint8Array() }),
    ).toEqualTypeOf<AttestationVerification>();
    expectTypeOf(await listRecentAttestations(client)).toEqualTypeOf<RecentAttestations>();
    expectTypeOf(await getAttestation(client, { checksum: "c" })).toEqualTypeOf<AttestationView>();
    expectTypeOf(
      await getAttestationCollateral(client, { checksum: "c" }),
    ).toEqualTypeOf<QuoteCollateralV3>();
    expectTypeOf(await listAttestationPpids(client)).toEqualTypeOf<string[]>();
  });

  it("the raw quote is bytes, bound as a method too", async () => {
    expectTypeOf(await getRawAttestation(client, { checksum: "c" })).toEqualTypeOf<Uint8Array>();
    expectTypeOf(await safeGetRawAttestation(client, { checksum: "c" })).toEqualTypeOf<
      SafeResult<Uint8Array>
    >();
    const bound = createClient({ apiKey: "k" });
    expectTypeOf(await bound.getRawAttestation({ checksum: "c" })).toEqualTypeOf<Uint8Array>();
    // @ts-expect-error the answer is bytes: no schema to give
    await getRawAttestation(client, { checksum: "c" }, { schema: false });
  });

  it("refuses a quote given both ways, or neither", () => {
    // @ts-expect-error hex or quote, not both
    verifyAttestation(client, { hex: "00", quote: new Uint8Array() });
    // @ts-expect-error one of them is needed
    verifyAttestation(client, {});
  });
});
