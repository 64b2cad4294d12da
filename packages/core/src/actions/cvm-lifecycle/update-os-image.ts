import { NoContentSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmRequest } from "./body-args";

export type UpdateOsImageArgs = CvmIdInput & {
  /** An image the CVM can move to (see its available OS images), e.g. `dstack-0.5.4`. */
  os_image_name: string;
};

/**
 * Moves a CVM to another OS image: `PATCH /cvms/{id}/os-image`, answered 202
 * with no body, so it resolves `undefined`. The CVM restarts to apply it.
 */
export const updateOsImage = /* @__PURE__ */ defineAction({
  name: "updateOsImage",
  response: NoContentSchema,
  plan: (args: UpdateOsImageArgs) => {
    const { path, body } = cvmRequest("updateOsImage", args, "/os-image", {
      checks: { os_image_name: "nonEmptyString" },
      required: ["os_image_name"],
    });
    return { method: "PATCH", path, body };
  },
});

export const safeUpdateOsImage = /* @__PURE__ */ safe(updateOsImage);
