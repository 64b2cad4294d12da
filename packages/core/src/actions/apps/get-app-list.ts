import { getAppListResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

export interface GetAppListArgs {
  page?: number;
  /** 1 to 100. */
  page_size?: number;
  /** Part of an app's name or app id. */
  search?: string;
  /** Apps with a CVM in any of these statuses (`running`, `stopped`, ...). */
  status?: string[];
  listed?: boolean;
  base_image?: string;
  instance_type?: string;
  kms_slug?: string;
  kms_type?: string;
  /** Node name. */
  node?: string;
  region?: string;
}

/** One page of the workspace's apps with their CVMs: `GET /apps`. */
export const getAppList = /* @__PURE__ */ defineVersionedAction({
  name: "getAppList",
  optionalArgs: true,
  responses: getAppListResponseSchemas,
  plan: (args: GetAppListArgs) => ({
    method: "GET",
    path: "/apps",
    query: checkQueryArgs("getAppList", args, {
      page: "positiveInt",
      page_size: "pageSize",
      search: "string",
      status: "stringList",
      listed: "boolean",
      base_image: "string",
      instance_type: "string",
      kms_slug: "string",
      kms_type: "string",
      node: "string",
      region: "string",
    }),
  }),
});

export const safeGetAppList = /* @__PURE__ */ safe(getAppList);
