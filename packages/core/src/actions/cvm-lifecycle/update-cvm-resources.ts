import { NoContentSchema } from "@phala/cloud-schemas";
import { defineAction, invalidArguments, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../cvm-reads/cvm-path";

export type UpdateCvmResourcesArgs = CvmIdInput & {
  vcpu?: number;
  /** MB. */
  memory?: number;
  /** GB; the API refuses to shrink a disk. */
  disk_size?: number;
  instance_type?: string;
  /** Required (true) to resize a running CVM, which the API restarts. */
  allow_restart?: boolean;
};

const SIZE_KEYS = ["vcpu", "memory", "disk_size", "instance_type"] as const;

/**
 * Resizes a CVM: `PATCH /cvms/{id}/resources`, answered 202 with no body, so it
 * resolves `undefined`; follow the CVM's status to see it applied. (Newer
 * releases of `@phala/cloud` send this to `PATCH /cvms/{id}`; this SDK keeps
 * the dedicated path, which takes the same fields.)
 */
export const updateCvmResources = /* @__PURE__ */ defineAction({
  name: "updateCvmResources",
  response: NoContentSchema,
  plan: (args: UpdateCvmResourcesArgs) => {
    const path = cvmPath("updateCvmResources", args, "/resources");
    const body = checkBodyArgs(
      "updateCvmResources",
      args,
      {
        vcpu: "positiveInt",
        memory: "positiveInt",
        disk_size: "positiveInt",
        instance_type: "nonEmptyString",
        allow_restart: "boolean",
      },
      { pathKeys: CVM_ID_KEYS },
    );
    if (!SIZE_KEYS.some((key) => body[key] !== undefined)) {
      invalidArguments("updateCvmResources", [
        { path: SIZE_KEYS.join("|"), message: `give at least one of ${SIZE_KEYS.join(", ")}` },
      ]);
    }
    return { method: "PATCH", path, body };
  },
});

export const safeUpdateCvmResources = /* @__PURE__ */ safe(updateCvmResources);
