import { getWorkspaceQuotasResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { teamSlugSegment } from "../internal/team-slug";

export interface GetWorkspaceQuotasArgs {
  teamSlug: string;
}

/** What the workspace may still use (VM slots, vCPU, memory, disk, GPUs): `GET /workspaces/{slug}/quotas`. */
export const getWorkspaceQuotas = /* @__PURE__ */ defineVersionedAction({
  name: "getWorkspaceQuotas",
  responses: getWorkspaceQuotasResponseSchemas,
  plan: (args: GetWorkspaceQuotasArgs) => ({
    method: "GET",
    path: `/workspaces/${teamSlugSegment("getWorkspaceQuotas", args)}/quotas`,
  }),
});

export const safeGetWorkspaceQuotas = /* @__PURE__ */ safe(getWorkspaceQuotas);
