import { updateOsImageResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";
import { operationAccepted } from "../internal/operation-accepted";

export type UpdateOsImageArgs = CvmIdInput & {
  /** An image the CVM can move to (see its available OS images), e.g. `dstack-0.5.4`. */
  os_image_name: string;
};

/**
 * Moves a CVM to another OS image: `PATCH /cvms/{id}/os-image`. The API answers
 * 202 and applies it in the background (the CVM restarts); resolves
 * `{ correlation_id, status, message }` as sent, each `null` when the answer
 * had no body or left it out.
 */
export const updateOsImage = /* @__PURE__ */ defineVersionedAction({
  name: "updateOsImage",
  responses: updateOsImageResponseSchemas,
  plan: (args: UpdateOsImageArgs) => {
    const path = cvmPath("updateOsImage", args, "/os-image");
    const body = checkBodyArgs(
      "updateOsImage",
      args,
      { os_image_name: { kind: "nonEmptyString", required: true } },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "PATCH", path, body };
  },
  shape: operationAccepted,
});

export const safeUpdateOsImage = /* @__PURE__ */ safe(updateOsImage);
