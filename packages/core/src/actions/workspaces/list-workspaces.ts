import { listWorkspacesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

export interface ListWorkspacesArgs {
  /** `pagination.next_cursor` of the previous page. */
  cursor?: string;
  /** Workspaces per page, 1 to 100. */
  limit?: number;
}

/** The workspaces the caller belongs to, a page at a time: `GET /workspaces`. */
export const listWorkspaces = /* @__PURE__ */ defineVersionedAction({
  name: "listWorkspaces",
  optionalArgs: true,
  responses: listWorkspacesResponseSchemas,
  plan: (args: ListWorkspacesArgs) => ({
    method: "GET",
    path: "/workspaces",
    query: checkQueryArgs("listWorkspaces", args, { cursor: "string", limit: "pageSize" }),
  }),
});

export const safeListWorkspaces = /* @__PURE__ */ safe(listWorkspaces);
