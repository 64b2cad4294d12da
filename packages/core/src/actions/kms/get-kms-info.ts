import { KmsInfoSchema } from "@phala/cloud-schemas";
import { defineAction, requireString, safe } from "../../action";

export interface GetKmsInfoArgs {
  /** The KMS id or slug. */
  kms_id: string;
}

/** One KMS node: `GET /kms/{kms_id}`. */
export const getKmsInfo = /* @__PURE__ */ defineAction({
  name: "getKmsInfo",
  response: KmsInfoSchema,
  plan: (args: GetKmsInfoArgs) => ({
    method: "GET",
    path: `/kms/${encodeURIComponent(requireString("getKmsInfo", args, "kms_id").trim())}`,
  }),
});

export const safeGetKmsInfo = /* @__PURE__ */ safe(getKmsInfo);
