import { getCvmFirewallStatusResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmFirewallStatusArgs = CvmIdInput;

/**
 * Whether a CVM's ports can be published (`available`), and why not (`reason`):
 * `GET /cvms/{id}/firewall-status`.
 */
export const getCvmFirewallStatus = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmFirewallStatus",
  responses: getCvmFirewallStatusResponseSchemas,
  plan: (args: GetCvmFirewallStatusArgs) => ({
    method: "GET",
    path: cvmPath("getCvmFirewallStatus", args, "/firewall-status"),
  }),
});

export const safeGetCvmFirewallStatus = /* @__PURE__ */ safe(getCvmFirewallStatus);
