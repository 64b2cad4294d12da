import { getAppPendingUpdatesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { appIdSegment } from "../internal/app-id";

export interface GetAppPendingUpdatesArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
}

/**
 * The updates of an app's instances that wait for their new compose hash to
 * be registered in the app contract (the 465 of an on-chain KMS), one per
 * instance: `GET /apps/{app_id}/pending-updates`. `getAppPendingUpdatePreview`
 * shows what one would change; `confirmCvmPatch` (or `commitCvmUpdate` with a
 * commit token) applies it once the hash is registered.
 */
export const getAppPendingUpdates = /* @__PURE__ */ defineVersionedAction({
  name: "getAppPendingUpdates",
  responses: getAppPendingUpdatesResponseSchemas,
  plan: (args: GetAppPendingUpdatesArgs) => ({
    method: "GET",
    path: `/apps/${appIdSegment("getAppPendingUpdates", args)}/pending-updates`,
  }),
});

export const safeGetAppPendingUpdates = /* @__PURE__ */ safe(getAppPendingUpdates);
