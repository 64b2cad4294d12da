import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../env";

export function registerSshKeyRoutes(
  _api: Hono<MockEnv>,
  _requireApiKey: MiddlewareHandler<MockEnv>,
) {}
