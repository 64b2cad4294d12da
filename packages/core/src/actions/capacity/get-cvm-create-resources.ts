import { getCvmCreateResourcesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

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
  responses: getCvmCreateResourcesResponseSchemas,
  plan: (args: Record<string, never>) => {
    // Nothing to send; an argument given is a mistake, not silently dropped.
    checkQueryArgs("getCvmCreateResources", args, {});
    return { method: "GET", path: "/teepods/cvm-create-resources" };
  },
});

export const safeGetCvmCreateResources = /* @__PURE__ */ safe(getCvmCreateResources);
