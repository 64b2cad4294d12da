import { getAppPendingUpdatePreviewResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, requireString, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { appIdSegment } from "../internal/app-id";
import { vmUuidSegment } from "../internal/vm-uuid";

export interface GetAppPendingUpdatePreviewArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
  /** The instance's VM UUID, as `getAppPendingUpdates` lists it. */
  vmUuid: string;
  /** The pending compose hash (64 hex, `0x` allowed), as `getAppPendingUpdates` lists it. */
  composeHash: string;
}

const NAME = "getAppPendingUpdatePreview";
const HASH = /^(?:0x)?[0-9a-f]{64}$/i;

/**
 * What a pending update would change: the instance's compose file and
 * pre-launch script now and once it applies:
 * `GET /apps/{app_id}/pending-updates/{vm_uuid}/{compose_hash}/preview`.
 */
export const getAppPendingUpdatePreview = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: getAppPendingUpdatePreviewResponseSchemas,
  plan: (args: GetAppPendingUpdatePreviewArgs) => {
    const app = appIdSegment(NAME, args);
    const vm = vmUuidSegment(NAME, args);
    const hash = requireString(NAME, args, "composeHash").trim();
    if (!HASH.test(hash)) {
      invalidArguments(NAME, [
        { path: "composeHash", message: "expected a hash: 64 hex characters, with or without 0x" },
      ]);
    }
    // Nothing but the three path arguments: a typo is refused, not ignored.
    checkBodyArgs(NAME, args, {}, { pathKeys: ["appId", "vmUuid", "composeHash"] });
    return {
      method: "GET",
      path: `/apps/${app}/pending-updates/${vm}/${encodeURIComponent(hash)}/preview`,
    };
  },
});

export const safeGetAppPendingUpdatePreview = /* @__PURE__ */ safe(getAppPendingUpdatePreview);
