// The routes of the API's "Authentication" tag.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerCurrentUserRoutes } from "./me";

export function registerAuthRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  registerCurrentUserRoutes(api, requireApiKey);
}
