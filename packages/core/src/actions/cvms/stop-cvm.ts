import { stopCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type StopCvmArgs = CvmIdInput;

/**
 * Powers a running CVM off at once, like pulling the plug: `POST /cvms/{id}/stop`.
 * `shutdownCvm` is the graceful way.
 */
export const stopCvm = /* @__PURE__ */ defineVersionedAction({
  name: "stopCvm",
  responses: stopCvmResponseSchemas,
  plan: (args: StopCvmArgs) => {
    const path = cvmPath("stopCvm", args, "/stop");
    checkBodyArgs("stopCvm", args, {}, { pathKeys: CVM_ID_KEYS });
    return { method: "POST", path };
  },
});

export const safeStopCvm = /* @__PURE__ */ safe(stopCvm);
