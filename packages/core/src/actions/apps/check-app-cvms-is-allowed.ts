import { checkAppCvmsIsAllowedResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { appIdSegment } from "../internal/app-id";

export interface CheckAppCvmsIsAllowedArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
}

const NAME = "checkAppCvmsIsAllowed";

/**
 * Checks every CVM of an app against its on-chain contract:
 * `POST /apps/{app_id}/cvms/is-allowed`, sent without a body (the operation
 * takes none). Resolves one result per CVM and the ids of the CVMs it skipped
 * (numbers until 2026-01-21, which sends `0`; `cvm_...` hashids from 2026-05-22); for an app whose KMS is not on-chain the answer is
 * `is_onchain: false` with no results.
 */
export const checkAppCvmsIsAllowed = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: checkAppCvmsIsAllowedResponseSchemas,
  plan: (args: CheckAppCvmsIsAllowedArgs) => {
    const path = `/apps/${appIdSegment(NAME, args)}/cvms/is-allowed`;
    // Only refuses unknown arguments: the app id goes in the path, nothing in a body.
    checkBodyArgs(NAME, args, {}, { pathKeys: ["appId"] });
    return { method: "POST", path };
  },
});

export const safeCheckAppCvmsIsAllowed = /* @__PURE__ */ safe(checkAppCvmsIsAllowed);
