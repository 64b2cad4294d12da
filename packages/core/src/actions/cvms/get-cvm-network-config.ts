import { getCvmNetworkConfigResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmNetworkConfigArgs = CvmIdInput;

/**
 * The KMS and gateway URLs a CVM boots with and its port mappings:
 * `GET /cvms/{id}/network-config`.
 */
export const getCvmNetworkConfig = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmNetworkConfig",
  responses: getCvmNetworkConfigResponseSchemas,
  plan: (args: GetCvmNetworkConfigArgs) => ({
    method: "GET",
    path: cvmPath("getCvmNetworkConfig", args, "/network-config"),
  }),
});

export const safeGetCvmNetworkConfig = /* @__PURE__ */ safe(getCvmNetworkConfig);
