import { getKmsOnChainDetailResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";

export interface GetKmsOnChainDetailArgs {
  /** The chain's name as the API lists it (`base`, `ethereum`) or its chain id. */
  chain: string;
}

/**
 * The KMS contracts on one chain, with the devices and OS images each allows:
 * `GET /kms/on-chain/{chain}`.
 */
export const getKmsOnChainDetail = /* @__PURE__ */ defineVersionedAction({
  name: "getKmsOnChainDetail",
  responses: getKmsOnChainDetailResponseSchemas,
  plan: (args: GetKmsOnChainDetailArgs) => ({
    method: "GET",
    path: `/kms/on-chain/${encodeURIComponent(requireString("getKmsOnChainDetail", args, "chain").trim())}`,
  }),
});

export const safeGetKmsOnChainDetail = /* @__PURE__ */ safe(getKmsOnChainDetail);
