import { NoContentSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmRequest } from "./body-args";

export type DeleteCvmArgs = CvmIdInput;

/**
 * Deletes a CVM for good: `DELETE /cvms/{id}`, answered 204. Resolves `undefined`;
 * the CVM is then gone from lists and reads answer 404.
 */
export const deleteCvm = /* @__PURE__ */ defineAction({
  name: "deleteCvm",
  response: NoContentSchema,
  plan: (args: DeleteCvmArgs) => ({
    method: "DELETE",
    path: cvmRequest("deleteCvm", args, "").path,
  }),
});

export const safeDeleteCvm = /* @__PURE__ */ safe(deleteCvm);
