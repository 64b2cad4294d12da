import { ListWorkspacesSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

export interface ListWorkspacesArgs {
  /** `pagination.next_cursor` of the previous page. */
  cursor?: string;
  /** Workspaces per page, 1 to 100. */
  limit?: number;
}

/** The workspaces the caller belongs to, a page at a time: `GET /workspaces`. */
export const listWorkspaces = /* @__PURE__ */ defineAction({
  name: "listWorkspaces",
  optionalArgs: true,
  response: ListWorkspacesSchema,
  plan: (args: ListWorkspacesArgs) => ({
    method: "GET",
    path: "/workspaces",
    query: checkQueryArgs("listWorkspaces", args, { cursor: "string", limit: "pageSize" }),
  }),
});

export const safeListWorkspaces = /* @__PURE__ */ safe(listWorkspaces);
