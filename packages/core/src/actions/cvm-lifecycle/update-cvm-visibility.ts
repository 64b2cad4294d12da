import { UpdateCvmVisibilitySchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../cvm-reads/cvm-path";

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
    const path = cvmPath("updateCvmVisibility", args, "/visibility");
    const body = checkBodyArgs(
      "updateCvmVisibility",
      args,
      {
        public_sysinfo: { kind: "boolean", required: true },
        public_logs: { kind: "boolean", required: true },
        public_tcbinfo: "boolean",
      },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "PATCH", path, body };
  },
});

export const safeUpdateCvmVisibility = /* @__PURE__ */ safe(updateCvmVisibility);
