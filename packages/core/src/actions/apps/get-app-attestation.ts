import { AppAttestationResponseSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { appIdSegment } from "../internal/app-id";

export interface GetAppAttestationArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
}

/**
 * The TEE attestation of every instance of an app, with its KMS:
 * `GET /apps/{app_id}/attestations`.
 */
export const getAppAttestation = /* @__PURE__ */ defineAction({
  name: "getAppAttestation",
  response: AppAttestationResponseSchema,
  plan: (args: GetAppAttestationArgs) => ({
    method: "GET",
    path: `/apps/${appIdSegment("getAppAttestation", args)}/attestations`,
  }),
});

export const safeGetAppAttestation = /* @__PURE__ */ safe(getAppAttestation);
