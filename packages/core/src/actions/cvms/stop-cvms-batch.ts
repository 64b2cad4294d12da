import { stopCvmsBatchResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";

export interface StopCvmsBatchArgs {
  /** The CVMs to stop (their `cvm_...` ids): 1 to 50 per call. */
  cvm_ids: string[];
}

/** The API's limit on the CVMs of one batch stop. */
const STOP_CVMS_BATCH_MAX = 50;

/**
 * Powers off many CVMs in one request: `POST /cvms/batch-stop` with
 * `{ cvm_ids }`. Each running CVM goes through `stopping` to `stopped` in the
 * background; resolves the counts `{ total, stopped, skipped, errors }`
 * (skipped: already stopped or stopping; `errors`: the ids that failed, and
 * why). More than 50 ids (or none) is refused before sending
 * (`RequestValidationError` on `cvm_ids`): split the list.
 */
export const stopCvmsBatch = /* @__PURE__ */ defineVersionedAction({
  name: "stopCvmsBatch",
  responses: stopCvmsBatchResponseSchemas,
  plan: (args: StopCvmsBatchArgs) => {
    const body = checkBodyArgs("stopCvmsBatch", args, {
      cvm_ids: {
        kind: "stringList",
        required: true,
        refine: (ids: string[]) => {
          if (ids.length === 0) return "expected at least one CVM id";
          if (ids.length > STOP_CVMS_BATCH_MAX) {
            return `expected at most ${STOP_CVMS_BATCH_MAX} CVM ids (got ${ids.length}); split the list`;
          }
          return ids.some((id) => id.trim() === "") ? "expected non-empty strings" : undefined;
        },
      },
    });
    return { method: "POST", path: "/cvms/batch-stop", body };
  },
});

export const safeStopCvmsBatch = /* @__PURE__ */ safe(stopCvmsBatch);
