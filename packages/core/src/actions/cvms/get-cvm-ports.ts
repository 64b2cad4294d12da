import { getCvmPortsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmPortsArgs = CvmIdInput;

/**
 * A CVM's published ports, each a node port (`host_port`) forwarded to a CVM
 * port (`vm_port`): `GET /cvms/{id}/ports`.
 */
export const getCvmPorts = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmPorts",
  responses: getCvmPortsResponseSchemas,
  plan: (args: GetCvmPortsArgs) => ({
    method: "GET",
    path: cvmPath("getCvmPorts", args, "/ports"),
  }),
});

export const safeGetCvmPorts = /* @__PURE__ */ safe(getCvmPorts);
