import { getCvmNetworkResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmNetworkArgs = CvmIdInput;

/** Internal IP, WireGuard handshake and public URLs: `GET /cvms/{id}/network`. */
export const getCvmNetwork = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmNetwork",
  responses: getCvmNetworkResponseSchemas,
  plan: (args: GetCvmNetworkArgs) => ({
    method: "GET",
    path: cvmPath("getCvmNetwork", args, "/network"),
  }),
});

export const safeGetCvmNetwork = /* @__PURE__ */ safe(getCvmNetwork);
