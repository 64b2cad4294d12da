import { GetWorkspaceQuotasSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { teamSlugSegment } from "./team-slug";

export interface GetWorkspaceQuotasArgs {
  teamSlug: string;
}

/** What the workspace may still use (VM slots, vCPU, memory, disk, GPUs): `GET /workspaces/{slug}/quotas`. */
export const getWorkspaceQuotas = /* @__PURE__ */ defineAction({
  name: "getWorkspaceQuotas",
  response: GetWorkspaceQuotasSchema,
  plan: (args: GetWorkspaceQuotasArgs) => ({
    method: "GET",
    path: `/workspaces/${teamSlugSegment("getWorkspaceQuotas", args)}/quotas`,
  }),
});

export const safeGetWorkspaceQuotas = /* @__PURE__ */ safe(getWorkspaceQuotas);
