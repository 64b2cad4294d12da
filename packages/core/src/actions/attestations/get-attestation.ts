import { getAttestationResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checksumSegment } from "../internal/attestation-checksum";

export interface GetAttestationArgs {
  /** The quote's checksum, as `verifyAttestation` or `listRecentAttestations` gives it. */
  checksum: string;
}

/**
 * A stored quote, parsed (header, body with its measurements, certificate
 * chain, `verified`), with when it was uploaded: `GET /attestations/view/{checksum}`.
 * An unknown checksum is a 404.
 */
export const getAttestation = /* @__PURE__ */ defineVersionedAction({
  name: "getAttestation",
  responses: getAttestationResponseSchemas,
  plan: (args: GetAttestationArgs) => ({
    method: "GET",
    path: `/attestations/view/${checksumSegment("getAttestation", args)}`,
  }),
});

export const safeGetAttestation = /* @__PURE__ */ safe(getAttestation);
