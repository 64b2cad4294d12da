import { getAppRevisionsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";
import { appIdSegment } from "../internal/app-id";

/** The API pages revisions by up to 1000, more than its other lists. */
const REVISIONS_PAGE_SIZE_MAX = 1000;

export interface GetAppRevisionsArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
  /** From 1. */
  page?: number;
  /** 1 to 1000. */
  page_size?: number;
}

/** One page of an app's revisions, newest first: `GET /apps/{app_id}/revisions`. */
export const getAppRevisions = /* @__PURE__ */ defineVersionedAction({
  name: "getAppRevisions",
  responses: getAppRevisionsResponseSchemas,
  plan: (args: GetAppRevisionsArgs) => {
    const path = `/apps/${appIdSegment("getAppRevisions", args)}/revisions`;
    const { appId: _appId, ...pageArgs } = args;
    const query = checkQueryArgs("getAppRevisions", pageArgs, {
      page: "positiveInt",
      page_size: "positiveInt",
    });
    if (typeof query.page_size === "number" && query.page_size > REVISIONS_PAGE_SIZE_MAX) {
      invalidArguments("getAppRevisions", [
        { path: "page_size", message: `expected an integer from 1 to ${REVISIONS_PAGE_SIZE_MAX}` },
      ]);
    }
    return { method: "GET", path, query };
  },
});

export const safeGetAppRevisions = /* @__PURE__ */ safe(getAppRevisions);
