import { listAttestationPpidsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/** The PPIDs (platform provisioning ids) of the machines Phala Cloud runs on, to approve in a contract that admits Phala Cloud's hardware only: `GET /attestations/ppids`. */
export const listAttestationPpids = /* @__PURE__ */ defineVersionedAction({
  name: "listAttestationPpids",
  optionalArgs: true,
  noArgs: true,
  responses: listAttestationPpidsResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("listAttestationPpids", given);
    return { method: "GET", path: "/attestations/ppids" };
  },
});

export const safeListAttestationPpids = /* @__PURE__ */ safe(listAttestationPpids);
