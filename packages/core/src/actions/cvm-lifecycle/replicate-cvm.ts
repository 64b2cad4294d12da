import { CvmVmSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../cvm-reads/cvm-path";

export type ReplicateCvmArgs = CvmIdInput & {
  /** The node for the replica; the API picks one when omitted. */
  node_id?: number;
};

/**
 * Adds a replica of a CVM, same app and compose file, as a new VM:
 * `POST /cvms/{id}/replicas` with `{ node_id }`. Resolves the new VM.
 */
export const replicateCvm = /* @__PURE__ */ defineAction({
  name: "replicateCvm",
  response: CvmVmSchema,
  plan: (args: ReplicateCvmArgs) => {
    const path = cvmPath("replicateCvm", args, "/replicas");
    const body = checkBodyArgs(
      "replicateCvm",
      args,
      { node_id: "positiveInt" },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "POST", path, body };
  },
});

export const safeReplicateCvm = /* @__PURE__ */ safe(replicateCvm);
