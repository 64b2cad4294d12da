import { getCvmListResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

export interface GetCvmListArgs {
  /** 1-based page number. */
  page?: number;
  /** Items per page, 1 to 100 (the API's bounds; more is refused before sending). */
  page_size?: number;
  /** Only CVMs on the node with this node id. */
  node_id?: number;
  /**
   * Only CVMs on the node with this teepod id. A teepod id is not a node id
   * (nor an alias of `node_id`): the two are different ids.
   */
  teepod_id?: number;
  /** Only this user's CVMs: a `usr_...` id, or `"0"`. */
  user_id?: string;
  /** Only CPU or GPU CVMs (`"all"`, the API's default, for both). */
  family?: "all" | "cpu" | "gpu";
  /** Only CVMs of these instance types, e.g. `["tdx.small", "tdx.medium"]` (a repeated query key). */
  instance_types?: string[];
}

const USER_ID = /^usr_.+/;

/**
 * One page of the workspace's CVMs: `GET /cvms/paginated`, with the filters
 * given as query parameters (`instance_types` repeated once per type).
 */
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
      teepod_id: "positiveInt",
      user_id: {
        kind: "string",
        refine: (id: string) =>
          id === "0" || USER_ID.test(id) ? undefined : 'expected a usr_... id or "0"',
      },
      family: { kind: "enum", values: ["all", "cpu", "gpu"] },
      instance_types: {
        kind: "stringList",
        refine: (types: string[]) =>
          types.some((type) => type.trim() === "") ? "expected non-empty strings" : undefined,
      },
    }),
  }),
});

export const safeGetCvmList = /* @__PURE__ */ safe(getCvmList);
