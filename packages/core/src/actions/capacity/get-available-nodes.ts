import { getAvailableNodesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";

/**
 * Where the workspace can deploy now: `GET /teepods/available`. Each node with
 * its free vCPU, memory and slots, its OS images and KMS; the workspace's tier
 * and limits; the KMS list.
 */
export const getAvailableNodes = /* @__PURE__ */ defineVersionedAction({
  name: "getAvailableNodes",
  optionalArgs: true,
  responses: getAvailableNodesResponseSchemas,
  plan: (_args: Record<string, never>) => ({ method: "GET", path: "/teepods/available" }),
});

export const safeGetAvailableNodes = /* @__PURE__ */ safe(getAvailableNodes);
