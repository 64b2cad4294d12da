import { AppCvmsIsAllowedResponseSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { appIdSegment } from "../app-id";

export interface CheckAppCvmsIsAllowedArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
}

/**
 * Checks every CVM of an app against its on-chain contract:
 * `POST /apps/{app_id}/cvms/is-allowed`. For an app whose KMS is not on-chain
 * the answer is `is_onchain: false` with no results.
 */
export const checkAppCvmsIsAllowed = /* @__PURE__ */ defineAction({
  name: "checkAppCvmsIsAllowed",
  response: AppCvmsIsAllowedResponseSchema,
  plan: (args: CheckAppCvmsIsAllowedArgs) => ({
    method: "POST",
    path: `/apps/${appIdSegment("checkAppCvmsIsAllowed", args)}/cvms/is-allowed`,
    body: checkBodyArgs("checkAppCvmsIsAllowed", args, {}, { pathKeys: ["appId"] }),
  }),
});

export const safeCheckAppCvmsIsAllowed = /* @__PURE__ */ safe(checkAppCvmsIsAllowed);
