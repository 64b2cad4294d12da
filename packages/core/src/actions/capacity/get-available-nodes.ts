import { AvailableNodesSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";

/**
 * Where the workspace can deploy now: `GET /teepods/available`. Each node with
 * its free vCPU, memory and slots, its OS images and KMS; the workspace's tier
 * and limits; the KMS list.
 */
export const getAvailableNodes = /* @__PURE__ */ defineAction({
  name: "getAvailableNodes",
  optionalArgs: true,
  response: AvailableNodesSchema,
  plan: (_args: Record<string, never>) => ({ method: "GET", path: "/teepods/available" }),
});

export const safeGetAvailableNodes = /* @__PURE__ */ safe(getAvailableNodes);
