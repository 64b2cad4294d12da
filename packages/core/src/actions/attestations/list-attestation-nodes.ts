import { listAttestationNodesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/** Phala Cloud's nodes, each with its device id, PPID, region and status: `GET /attestations/nodes`. */
export const listAttestationNodes = /* @__PURE__ */ defineVersionedAction({
  name: "listAttestationNodes",
  optionalArgs: true,
  noArgs: true,
  responses: listAttestationNodesResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("listAttestationNodes", given);
    return { method: "GET", path: "/attestations/nodes" };
  },
});

export const safeListAttestationNodes = /* @__PURE__ */ safe(listAttestationNodes);
