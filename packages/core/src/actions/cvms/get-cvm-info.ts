import { getCvmInfoResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { type CvmIdInput, normalizeCvmId } from "../../cvm-id";

export type GetCvmInfoArgs = CvmIdInput;

/** One CVM in detail: `GET /cvms/{id}`, by any of its identifiers. */
export const getCvmInfo = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmInfo",
  responses: getCvmInfoResponseSchemas,
  plan: (args: GetCvmInfoArgs) => ({
    method: "GET",
    path: `/cvms/${encodeURIComponent(normalizeCvmId("getCvmInfo", args))}`,
  }),
});

export const safeGetCvmInfo = /* @__PURE__ */ safe(getCvmInfo);
