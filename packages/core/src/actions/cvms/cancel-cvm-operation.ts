import { cancelCvmOperationResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type CancelCvmOperationArgs = CvmIdInput;

/**
 * Cancels the operation a CVM is in the middle of (a start, stop, restart,
 * update...): `POST /cvms/{id}/operations/cancel`, no body. Resolves
 * `{ cancelled, correlation_id }`; the operation then reads `cancelled` in
 * `listCvmOperations` and the CVM stops moving. A CVM with nothing running is
 * answered 409 (`ConflictError`).
 */
export const cancelCvmOperation = /* @__PURE__ */ defineVersionedAction({
  name: "cancelCvmOperation",
  responses: cancelCvmOperationResponseSchemas,
  plan: (args: CancelCvmOperationArgs) => {
    const path = cvmPath("cancelCvmOperation", args, "/operations/cancel");
    checkBodyArgs("cancelCvmOperation", args, {}, { pathKeys: CVM_ID_KEYS });
    return { method: "POST", path };
  },
});

export const safeCancelCvmOperation = /* @__PURE__ */ safe(cancelCvmOperation);
