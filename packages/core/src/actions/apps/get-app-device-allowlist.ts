import { getAppDeviceAllowlistResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { appIdSegment } from "../internal/app-id";

export interface GetAppDeviceAllowlistArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
}

/**
 * Which devices the app's on-chain contract allows, with the app's CVMs on each:
 * `GET /apps/{app_id}/device-allowlist`. `devices` is empty for an app whose KMS
 * is not on-chain; a device's `cvm_ids` are numbers until 2026-01-21, `cvm_...`
 * hashids from 2026-05-22.
 */
export const getAppDeviceAllowlist = /* @__PURE__ */ defineVersionedAction({
  name: "getAppDeviceAllowlist",
  responses: getAppDeviceAllowlistResponseSchemas,
  plan: (args: GetAppDeviceAllowlistArgs) => ({
    method: "GET",
    path: `/apps/${appIdSegment("getAppDeviceAllowlist", args)}/device-allowlist`,
  }),
});

export const safeGetAppDeviceAllowlist = /* @__PURE__ */ safe(getAppDeviceAllowlist);
