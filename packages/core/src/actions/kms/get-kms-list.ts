import { GetKmsListResponseSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

export interface GetKmsListArgs {
  page?: number;
  /** 1 to 100. */
  page_size?: number;
  /** Only on-chain KMS (`true`) or only the Phala KMS (`false`). */
  is_onchain?: boolean;
}

/** The KMS nodes the caller can deploy with, a page at a time: `GET /kms`. */
export const getKmsList = /* @__PURE__ */ defineAction({
  name: "getKmsList",
  optionalArgs: true,
  response: GetKmsListResponseSchema,
  plan: (args: GetKmsListArgs) => ({
    method: "GET",
    path: "/kms",
    query: checkQueryArgs("getKmsList", args, {
      page: "positiveInt",
      page_size: "pageSize",
      is_onchain: "boolean",
    }),
  }),
});

export const safeGetKmsList = /* @__PURE__ */ safe(getKmsList);
