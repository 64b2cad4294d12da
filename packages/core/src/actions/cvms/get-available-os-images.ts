import { getAvailableOsImagesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { type CvmIdInput, normalizeCvmId } from "../../cvm-id";

export type GetAvailableOsImagesArgs = CvmIdInput;

/**
 * The OS images a CVM can move to: `GET /cvms/{id}/available-os-images`. Only
 * images deployed on its node, allowed by its KMS, matching its GPU needs, and
 * not crossing between dev and production builds.
 */
export const getAvailableOsImages = /* @__PURE__ */ defineVersionedAction({
  name: "getAvailableOsImages",
  responses: getAvailableOsImagesResponseSchemas,
  plan: (args: GetAvailableOsImagesArgs) => ({
    method: "GET",
    path: `/cvms/${encodeURIComponent(normalizeCvmId("getAvailableOsImages", args))}/available-os-images`,
  }),
});

export const safeGetAvailableOsImages = /* @__PURE__ */ safe(getAvailableOsImages);
