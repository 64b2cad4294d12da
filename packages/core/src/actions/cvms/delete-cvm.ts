import { deleteCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type DeleteCvmArgs = CvmIdInput;

/**
 * Deletes a CVM for good: `DELETE /cvms/{id}`, answered 204. Resolves `undefined`;
 * the CVM is then gone from lists and reads answer 404.
 */
export const deleteCvm = /* @__PURE__ */ defineVersionedAction({
  name: "deleteCvm",
  responses: deleteCvmResponseSchemas,
  plan: (args: DeleteCvmArgs) => {
    const path = cvmPath("deleteCvm", args, "");
    checkBodyArgs("deleteCvm", args, {}, { pathKeys: CVM_ID_KEYS });
    return { method: "DELETE", path };
  },
});

export const safeDeleteCvm = /* @__PURE__ */ safe(deleteCvm);
