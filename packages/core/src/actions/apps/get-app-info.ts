import { getAppInfoResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { appIdSegment } from "../internal/app-id";

export interface GetAppInfoArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
}

/** One app with its CVMs: `GET /apps/{app_id}`. */
export const getAppInfo = /* @__PURE__ */ defineVersionedAction({
  name: "getAppInfo",
  responses: getAppInfoResponseSchemas,
  plan: (args: GetAppInfoArgs) => ({
    method: "GET",
    path: `/apps/${appIdSegment("getAppInfo", args)}`,
  }),
});

export const safeGetAppInfo = /* @__PURE__ */ safe(getAppInfo);
