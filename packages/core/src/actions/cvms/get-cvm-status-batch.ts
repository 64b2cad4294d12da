import { getCvmStatusBatchResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";

export interface GetCvmStatusBatchArgs {
  /** VM UUIDs, with or without dashes. */
  vmUuids: string[];
}

/**
 * The status of many CVMs in one request, made for polling: `POST /status/batch`
 * with `{ vm_uuids }`. Resolves a map from each VM UUID to its status; UUIDs the
 * caller cannot see are absent. A running operation is described flat beside
 * the status: `operation_type`, `operation_started_at`, `correlation_id`, with
 * `in_progress`, `shutdown_progress` and the guest's `events`.
 */
export const getCvmStatusBatch = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmStatusBatch",
  responses: getCvmStatusBatchResponseSchemas,
  plan: (args: GetCvmStatusBatchArgs) => {
    const body = checkBodyArgs("getCvmStatusBatch", args, {
      vmUuids: {
        kind: "stringList",
        required: true,
        wire: "vm_uuids",
        refine: (uuids: string[]) =>
          uuids.length === 0 || uuids.some((uuid) => uuid.trim() === "")
            ? "expected a non-empty array of non-empty strings"
            : undefined,
      },
    });
    return { method: "POST", path: "/status/batch", body };
  },
});

export const safeGetCvmStatusBatch = /* @__PURE__ */ safe(getCvmStatusBatch);
