import { listCvmsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

export interface ListCvmsArgs {
  /** Only this user's CVMs: a `usr_...` id, or `"0"`. */
  user_id?: string;
  /** Only CVMs on the node with this teepod id. */
  teepod_id?: number;
}

const USER_ID = /^usr_.+/;

/**
 * Every CVM of the workspace in one answer, unpaginated: `GET /cvms`. The items
 * have the shape of `getCvmList`'s in each version (flat in 2025-10-28, nested
 * from 2026-01-21). For a large workspace, page with `getCvmList` (and
 * `paginate`) instead.
 */
export const listCvms = /* @__PURE__ */ defineVersionedAction({
  name: "listCvms",
  optionalArgs: true,
  responses: listCvmsResponseSchemas,
  plan: (args: ListCvmsArgs) => ({
    method: "GET",
    path: "/cvms",
    query: checkQueryArgs("listCvms", args, {
      user_id: {
        kind: "string",
        refine: (id: string) =>
          id === "0" || USER_ID.test(id) ? undefined : 'expected a usr_... id or "0"',
      },
      teepod_id: "positiveInt",
    }),
  }),
});

export const safeListCvms = /* @__PURE__ */ safe(listCvms);
