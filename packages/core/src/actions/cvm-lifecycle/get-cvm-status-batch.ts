import { GetCvmStatusBatchSchema } from "@phala/cloud-schemas";
import { defineAction, invalidArguments, safe } from "../../action";
import { checkBodyArgs } from "./body-args";

export interface GetCvmStatusBatchArgs {
  /** VM UUIDs, with or without dashes. */
  vmUuids: string[];
}

/**
 * The status of many CVMs in one request, made for polling: `POST /status/batch`
 * with `{ vm_uuids }`. Resolves a map from each VM UUID to its status; UUIDs the
 * caller cannot see are absent.
 */
export const getCvmStatusBatch = /* @__PURE__ */ defineAction({
  name: "getCvmStatusBatch",
  response: GetCvmStatusBatchSchema,
  plan: (args: GetCvmStatusBatchArgs) => {
    const { vmUuids } = checkBodyArgs("getCvmStatusBatch", args, {
      checks: { vmUuids: "stringList" },
      required: ["vmUuids"],
    }) as { vmUuids: string[] };
    if (vmUuids.length === 0 || vmUuids.some((uuid) => uuid.trim() === "")) {
      invalidArguments("getCvmStatusBatch", [
        { path: "vmUuids", message: "expected a non-empty array of non-empty strings" },
      ]);
    }
    return { method: "POST", path: "/status/batch", body: { vm_uuids: vmUuids } };
  },
});

export const safeGetCvmStatusBatch = /* @__PURE__ */ safe(getCvmStatusBatch);
