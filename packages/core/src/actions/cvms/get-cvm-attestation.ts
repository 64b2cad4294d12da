import { CvmAttestationSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmAttestationArgs = CvmIdInput;

/** App certificates and TCB measurements (MRTD, RTMRs, event log): `GET /cvms/{id}/attestation`. */
export const getCvmAttestation = /* @__PURE__ */ defineAction({
  name: "getCvmAttestation",
  response: CvmAttestationSchema,
  plan: (args: GetCvmAttestationArgs) => ({
    method: "GET",
    path: cvmPath("getCvmAttestation", args, "/attestation"),
  }),
});

export const safeGetCvmAttestation = /* @__PURE__ */ safe(getCvmAttestation);
