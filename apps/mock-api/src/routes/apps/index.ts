// The routes of the API's "Apps" tag.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerAllowlistRoutes } from "./allowlist";
import { registerAttestationRoutes } from "./attestations";
import { registerInstanceRoutes } from "./instances";
import { registerAppListRoutes } from "./list";
import { registerRevisionRoutes } from "./revisions";

export function registerAppRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  // First: GET /apps/filter-options before GET /apps/:app_id (list keeps that order).
  registerAppListRoutes(api, requireApiKey);
  registerRevisionRoutes(api, requireApiKey);
  registerAttestationRoutes(api, requireApiKey);
  registerAllowlistRoutes(api, requireApiKey);
  registerInstanceRoutes(api, requireApiKey);
}
