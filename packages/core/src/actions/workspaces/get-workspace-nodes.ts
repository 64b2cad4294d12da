import { getWorkspaceNodesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";
import { teamSlugSegment } from "../internal/team-slug";

export interface GetWorkspaceNodesArgs {
  teamSlug: string;
  /** 1-based. */
  page?: number;
  /** Nodes per page, 1 to 100; sent as `page_size`. */
  pageSize?: number;
}

/** The nodes a workspace can deploy to, a page at a time: `GET /workspaces/{slug}/nodes`. */
export const getWorkspaceNodes = /* @__PURE__ */ defineVersionedAction({
  name: "getWorkspaceNodes",
  responses: getWorkspaceNodesResponseSchemas,
  plan: (args: GetWorkspaceNodesArgs) => {
    const slug = teamSlugSegment("getWorkspaceNodes", args);
    const { page, pageSize } = checkQueryArgs(
      "getWorkspaceNodes",
      { page: args.page, pageSize: args.pageSize },
      { page: "positiveInt", pageSize: "pageSize" },
    );
    return {
      method: "GET",
      path: `/workspaces/${slug}/nodes`,
      query: { page, page_size: pageSize },
    };
  },
});

export const safeGetWorkspaceNodes = /* @__PURE__ */ safe(getWorkspaceNodes);
