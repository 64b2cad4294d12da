import { getAppRevisionDetailResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";
import { appIdSegment } from "../internal/app-id";

export interface GetAppRevisionDetailArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
  /** The revision's `revision_id` (`rev_...`), as `getAppRevisions` lists it. */
  revisionId: string;
  /** `true`: `compose_file` comes back as the JSON text, not parsed. */
  rawComposeFile?: boolean;
}

/**
 * One revision with its compose file and encrypted env:
 * `GET /apps/{app_id}/revisions/{revision_id}`.
 */
export const getAppRevisionDetail = /* @__PURE__ */ defineVersionedAction({
  name: "getAppRevisionDetail",
  responses: getAppRevisionDetailResponseSchemas,
  plan: (args: GetAppRevisionDetailArgs) => {
    const app = appIdSegment("getAppRevisionDetail", args);
    const revision = encodeURIComponent(
      requireString("getAppRevisionDetail", args, "revisionId").trim(),
    );
    const { appId: _appId, revisionId: _revisionId, ...rest } = args;
    const { rawComposeFile } = checkQueryArgs("getAppRevisionDetail", rest, {
      rawComposeFile: "boolean",
    });
    return {
      method: "GET",
      path: `/apps/${app}/revisions/${revision}`,
      query: { raw_compose_file: rawComposeFile as boolean | undefined },
    };
  },
});

export const safeGetAppRevisionDetail = /* @__PURE__ */ safe(getAppRevisionDetail);
