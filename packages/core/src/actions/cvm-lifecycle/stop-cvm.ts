import { CvmVmSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmRequest } from "./body-args";

export type StopCvmArgs = CvmIdInput;

/**
 * Powers a running CVM off at once, like pulling the plug: `POST /cvms/{id}/stop`.
 * `shutdownCvm` is the graceful way.
 */
export const stopCvm = /* @__PURE__ */ defineAction({
  name: "stopCvm",
  response: CvmVmSchema,
  plan: (args: StopCvmArgs) => ({
    method: "POST",
    path: cvmRequest("stopCvm", args, "/stop").path,
  }),
});

export const safeStopCvm = /* @__PURE__ */ safe(stopCvm);
