import { getCvmOperationStatusResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmOperationStatusArgs = CvmIdInput;

/**
 * The status of the operation a CVM is running, if any:
 * `GET /cvms/{id}/operation-status`. The API reference leaves the answer's
 * shape open, so it resolves the JSON object as sent (every field kept, typed
 * `Record<string, unknown>`); `listCvmOperations` gives the typed history.
 */
export const getCvmOperationStatus = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmOperationStatus",
  responses: getCvmOperationStatusResponseSchemas,
  plan: (args: GetCvmOperationStatusArgs) => {
    const path = cvmPath("getCvmOperationStatus", args, "/operation-status");
    checkBodyArgs("getCvmOperationStatus", args, {}, { pathKeys: CVM_ID_KEYS });
    return { method: "GET", path };
  },
});

export const safeGetCvmOperationStatus = /* @__PURE__ */ safe(getCvmOperationStatus);
