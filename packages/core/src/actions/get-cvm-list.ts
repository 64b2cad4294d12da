import { getCvmListResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../action";
import { checkQueryArgs } from "../query-args";

export interface GetCvmListArgs {
  /** 1-based page number. */
  page?: number;
  /** Items per page, 1 to 100. */
  page_size?: number;
  /** Only CVMs on this node. */
  node_id?: number;
}

/** One page of the workspace's CVMs: `GET /cvms/paginated`. */
export const getCvmList = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmList",
  optionalArgs: true,
  responses: getCvmListResponseSchemas,
  plan: (args: GetCvmListArgs) => ({
    method: "GET",
    path: "/cvms/paginated",
    query: checkQueryArgs("getCvmList", args, {
      page: "positiveInt",
      page_size: "pageSize",
      node_id: "positiveInt",
    }),
  }),
});

export const safeGetCvmList = /* @__PURE__ */ safe(getCvmList);
