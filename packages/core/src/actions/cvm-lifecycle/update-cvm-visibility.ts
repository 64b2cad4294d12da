import { UpdateCvmVisibilitySchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmRequest } from "./body-args";

export type UpdateCvmVisibilityArgs = CvmIdInput & {
  public_sysinfo: boolean;
  public_logs: boolean;
  public_tcbinfo?: boolean;
};

/**
 * Who may read a CVM's logs and system info: `PATCH /cvms/{id}/visibility`.
 * Resolves the CVM's detail in the shape the API sends here (2025-10-28's).
 */
export const updateCvmVisibility = /* @__PURE__ */ defineAction({
  name: "updateCvmVisibility",
  response: UpdateCvmVisibilitySchema,
  plan: (args: UpdateCvmVisibilityArgs) => {
    const { path, body } = cvmRequest("updateCvmVisibility", args, "/visibility", {
      checks: { public_sysinfo: "boolean", public_logs: "boolean", public_tcbinfo: "boolean" },
      required: ["public_sysinfo", "public_logs"],
    });
    return { method: "PATCH", path, body };
  },
});

export const safeUpdateCvmVisibility = /* @__PURE__ */ safe(updateCvmVisibility);
