import { getWorkspaceResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { teamSlugSegment } from "../internal/team-slug";

/**
 * The workspace's slug. `@phala/cloud` takes the bare string; that still works
 * here, and `{ teamSlug }` matches the other workspace actions.
 */
export type GetWorkspaceArgs = string | { teamSlug: string };

/** One workspace by its slug: `GET /workspaces/{slug}`. */
export const getWorkspace = /* @__PURE__ */ defineVersionedAction({
  name: "getWorkspace",
  responses: getWorkspaceResponseSchemas,
  plan: (args: GetWorkspaceArgs) => ({
    method: "GET",
    path: `/workspaces/${teamSlugSegment("getWorkspace", typeof args === "string" ? { teamSlug: args } : args)}`,
  }),
});

export const safeGetWorkspace = /* @__PURE__ */ safe(getWorkspace);
