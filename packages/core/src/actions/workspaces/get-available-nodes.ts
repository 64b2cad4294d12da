import { getAvailableNodesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/**
 * Where the workspace can deploy now: `GET /teepods/available`. Each node with
 * its free vCPU, memory and slots, its OS images and KMS; the workspace's tier
 * and limits; the KMS list.
 */
export const getAvailableNodes = /* @__PURE__ */ defineVersionedAction({
  name: "getAvailableNodes",
  optionalArgs: true,
  noArgs: true,
  responses: getAvailableNodesResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("getAvailableNodes", given);
    return { method: "GET", path: "/teepods/available" };
  },
});

export const safeGetAvailableNodes = /* @__PURE__ */ safe(getAvailableNodes);
