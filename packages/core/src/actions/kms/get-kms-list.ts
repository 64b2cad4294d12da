import { getKmsListResponseSchemas, getKmsListVersionPins } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";
import { type KmsListChain, withKmsListChain } from "../internal/kms-chain";

export interface GetKmsListArgs {
  page?: number;
  /** 1 to 100. */
  page_size?: number;
  /** Only on-chain KMS (`true`) or only the Phala KMS (`false`). */
  is_onchain?: boolean;
}

/**
 * The KMS nodes the caller can deploy with, a page at a time: `GET /kms`.
 *
 * Pinned: a 2026-06-23 client (or call) sends `X-Phala-Version: 2026-05-22`
 * for it. From 2026-06-23 `GET /kms` lists KMS contracts instead of nodes
 * (`listKmsContracts`), and this action keeps the node list it was written for;
 * the official SDKs pin it the same way. Older versions send their own.
 *
 * Each item also has `chain`, as `getKmsInfo`'s result.
 */
export const getKmsList = /* @__PURE__ */ defineVersionedAction<
  "getKmsList",
  GetKmsListArgs,
  true,
  KmsListChain
>({
  name: "getKmsList",
  optionalArgs: true,
  responses: getKmsListResponseSchemas,
  versionPins: getKmsListVersionPins,
  plan: (args: GetKmsListArgs) => ({
    method: "GET",
    path: "/kms",
    query: checkQueryArgs("getKmsList", args, {
      page: "positiveInt",
      page_size: "pageSize",
      is_onchain: "boolean",
    }),
  }),
  finish: withKmsListChain,
});

export const safeGetKmsList = /* @__PURE__ */ safe(getKmsList);
