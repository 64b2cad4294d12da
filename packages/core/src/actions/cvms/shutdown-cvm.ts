import { shutdownCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type ShutdownCvmArgs = CvmIdInput;

/** Shuts a running CVM down gracefully (ACPI): `POST /cvms/{id}/shutdown`. */
export const shutdownCvm = /* @__PURE__ */ defineVersionedAction({
  name: "shutdownCvm",
  responses: shutdownCvmResponseSchemas,
  plan: (args: ShutdownCvmArgs) => {
    const path = cvmPath("shutdownCvm", args, "/shutdown");
    checkBodyArgs("shutdownCvm", args, {}, { pathKeys: CVM_ID_KEYS });
    return { method: "POST", path };
  },
});

export const safeShutdownCvm = /* @__PURE__ */ safe(shutdownCvm);
