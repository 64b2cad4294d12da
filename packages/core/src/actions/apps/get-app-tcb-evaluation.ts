import { getAppTcbEvaluationResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { appIdSegment } from "../internal/app-id";

export interface GetAppTcbEvaluationArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
}

/**
 * How Intel's TCB evaluation rates the platform of each of an app's
 * instances (`evaluation_ok`, `evaluation_status` such as `UpToDate`, or the
 * `error` that kept it from being evaluated):
 * `GET /apps/{app_id}/attestations/tcb-evaluation`.
 */
export const getAppTcbEvaluation = /* @__PURE__ */ defineVersionedAction({
  name: "getAppTcbEvaluation",
  responses: getAppTcbEvaluationResponseSchemas,
  plan: (args: GetAppTcbEvaluationArgs) => ({
    method: "GET",
    path: `/apps/${appIdSegment("getAppTcbEvaluation", args)}/attestations/tcb-evaluation`,
  }),
});

export const safeGetAppTcbEvaluation = /* @__PURE__ */ safe(getAppTcbEvaluation);
