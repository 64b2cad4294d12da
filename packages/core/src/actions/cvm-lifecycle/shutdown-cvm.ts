import { CvmVmSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmRequest } from "./body-args";

export type ShutdownCvmArgs = CvmIdInput;

/** Shuts a running CVM down gracefully (ACPI): `POST /cvms/{id}/shutdown`. */
export const shutdownCvm = /* @__PURE__ */ defineAction({
  name: "shutdownCvm",
  response: CvmVmSchema,
  plan: (args: ShutdownCvmArgs) => ({
    method: "POST",
    path: cvmRequest("shutdownCvm", args, "/shutdown").path,
  }),
});

export const safeShutdownCvm = /* @__PURE__ */ safe(shutdownCvm);
