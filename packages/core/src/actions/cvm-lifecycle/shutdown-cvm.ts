import { CvmVmSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../cvm-reads/cvm-path";

export type ShutdownCvmArgs = CvmIdInput;

/** Shuts a running CVM down gracefully (ACPI): `POST /cvms/{id}/shutdown`. */
export const shutdownCvm = /* @__PURE__ */ defineAction({
  name: "shutdownCvm",
  response: CvmVmSchema,
  plan: (args: ShutdownCvmArgs) => {
    const path = cvmPath("shutdownCvm", args, "/shutdown");
    checkBodyArgs("shutdownCvm", args, {}, { pathKeys: CVM_ID_KEYS });
    return { method: "POST", path };
  },
});

export const safeShutdownCvm = /* @__PURE__ */ safe(shutdownCvm);
