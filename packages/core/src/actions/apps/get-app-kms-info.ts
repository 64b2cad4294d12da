import { getAppKmsInfoResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { appIdSegment } from "../internal/app-id";

export interface GetAppKmsInfoArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
}

/**
 * Where an app's keys come from: `GET /apps/{app_id}/kms-info`. For an
 * on-chain KMS (`is_onchain_kms`), its chain, the KMS and app contracts and who
 * deployed the app contract (`deployer_type`: a wallet, a Safe...), which is
 * who must register a new compose hash before a 465 update can go on.
 */
export const getAppKmsInfo = /* @__PURE__ */ defineVersionedAction({
  name: "getAppKmsInfo",
  responses: getAppKmsInfoResponseSchemas,
  plan: (args: GetAppKmsInfoArgs) => ({
    method: "GET",
    path: `/apps/${appIdSegment("getAppKmsInfo", args)}/kms-info`,
  }),
});

export const safeGetAppKmsInfo = /* @__PURE__ */ safe(getAppKmsInfo);
