// The routes of the API's "Apps" tag.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerAllowlistRoutes } from "./allowlist";
import { registerAttestationRoutes } from "./attestations";
import { registerInstanceRoutes } from "./instances";
import { registerAppKmsInfoRoutes } from "./kms-info";
import { registerAppListRoutes } from "./list";
import { registerPendingUpdateRoutes } from "./pending-updates";
import { registerRedeployRoutes } from "./redeploy";
import { registerAppReplicaRoutes } from "./replicas";
import { registerRevisionRoutes } from "./revisions";
import { registerTcbEvaluationRoutes } from "./tcb-evaluation";
import { registerUsageRoutes } from "./usage";

export function registerAppRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  // First: GET /apps/filter-options before GET /apps/:app_id (list keeps that order).
  registerAppListRoutes(api, requireApiKey);
  registerRevisionRoutes(api, requireApiKey);
  registerAttestationRoutes(api, requireApiKey);
  registerAllowlistRoutes(api, requireApiKey);
  registerInstanceRoutes(api, requireApiKey);
  registerAppReplicaRoutes(api, requireApiKey);
  registerRedeployRoutes(api, requireApiKey);
  registerTcbEvaluationRoutes(api, requireApiKey);
  registerUsageRoutes(api, requireApiKey);
  registerAppKmsInfoRoutes(api, requireApiKey);
  registerPendingUpdateRoutes(api, requireApiKey);
}
