import { getCvmCreateResourcesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/**
 * Everything a CVM can be created with, in one answer:
 * `GET /teepods/cvm-create-resources`. The workspace's tier and capacity, the nodes
 * with their free resources, OS images and KMS, the KMS nodes, which KMS each
 * node takes, the gateways, the instance types and GPU availability. Takes no
 * arguments. KMS and gateway ids are strings from 2026-05-22 (a number or a
 * string before); node (teepod) ids stay numbers.
 */
export const getCvmCreateResources = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmCreateResources",
  optionalArgs: true,
  noArgs: true,
  responses: getCvmCreateResourcesResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("getCvmCreateResources", given);
    return { method: "GET", path: "/teepods/cvm-create-resources" };
  },
});

export const safeGetCvmCreateResources = /* @__PURE__ */ safe(getCvmCreateResources);
