import { getAppCvmsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { appIdSegment } from "../internal/app-id";

export interface GetAppCvmsArgs {
  appId: string;
}

/** The CVMs of one app: `GET /apps/{app_id}/cvms`. */
export const getAppCvms = /* @__PURE__ */ defineVersionedAction({
  name: "getAppCvms",
  responses: getAppCvmsResponseSchemas,
  plan: (args: GetAppCvmsArgs) => ({
    method: "GET",
    path: `/apps/${appIdSegment("getAppCvms", args)}/cvms`,
  }),
});

export const safeGetAppCvms = /* @__PURE__ */ safe(getAppCvms);
