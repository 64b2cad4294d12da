import { listRecentAttestationsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

export interface ListRecentAttestationsArgs {
  /** Quotes to skip, from 0. */
  skip?: number;
  /** Quotes to list, 1 to 100 (the API's default 20). */
  limit?: number;
}

/**
 * The quotes stored last, newest first, each as its `checksum`, `verified`
 * (1 or 0) and `created_at`: `GET /attestations/recent?skip=&limit=`.
 */
export const listRecentAttestations = /* @__PURE__ */ defineVersionedAction({
  name: "listRecentAttestations",
  optionalArgs: true,
  responses: listRecentAttestationsResponseSchemas,
  plan: (args: ListRecentAttestationsArgs) => ({
    method: "GET",
    path: "/attestations/recent",
    query: checkQueryArgs("listRecentAttestations", args, {
      skip: { kind: "nonNegativeInt" },
      limit: { kind: "int", min: 1, max: 100 },
    }),
  }),
});

export const safeListRecentAttestations = /* @__PURE__ */ safe(listRecentAttestations);
