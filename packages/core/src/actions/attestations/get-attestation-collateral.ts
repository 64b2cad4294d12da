import { getAttestationCollateralResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checksumSegment } from "../internal/attestation-checksum";

export interface GetAttestationCollateralArgs {
  /** The quote's checksum, as `verifyAttestation` or `listRecentAttestations` gives it. */
  checksum: string;
}

/**
 * The Intel collateral a stored quote was verified with (CRLs, TCB info, QE
 * identity, each with its issuer chain and signature; `tcb_info` and
 * `qe_identity` are JSON text): `GET /attestations/collateral/{checksum}`.
 */
export const getAttestationCollateral = /* @__PURE__ */ defineVersionedAction({
  name: "getAttestationCollateral",
  responses: getAttestationCollateralResponseSchemas,
  plan: (args: GetAttestationCollateralArgs) => ({
    method: "GET",
    path: `/attestations/collateral/${checksumSegment("getAttestationCollateral", args)}`,
  }),
});

export const safeGetAttestationCollateral = /* @__PURE__ */ safe(getAttestationCollateral);
