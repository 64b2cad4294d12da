import { inspectKmsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";

export interface InspectKmsArgs {
  /** The KMS node's id or slug. */
  kms_id: string;
}

/**
 * A KMS node inspected live: `GET /kms/{kms_id}/info`. Its RPC answer
 * (`rpc`: version, chain, bootstrap keys) or why there is none (`rpc_error`),
 * its guest agent (`guest_agent` / `guest_agent_error`), the nodes that use it
 * (`teepods`, with the OS images each offers) and, for an on-chain KMS,
 * `on_chain`: the contract's keys and gateway checked against the node's.
 */
export const inspectKms = /* @__PURE__ */ defineVersionedAction({
  name: "inspectKms",
  responses: inspectKmsResponseSchemas,
  plan: (args: InspectKmsArgs) => ({
    method: "GET",
    path: `/kms/${encodeURIComponent(requireString("inspectKms", args, "kms_id").trim())}/info`,
  }),
});

export const safeInspectKms = /* @__PURE__ */ safe(inspectKms);
