// The routes of the API's "Authentication" tag.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerCurrentUserRoutes } from "./me";
import { registerTokenRoutes } from "./tokens";

export function registerAuthRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  registerCurrentUserRoutes(api, requireApiKey);
  registerTokenRoutes(api, requireApiKey);
}
