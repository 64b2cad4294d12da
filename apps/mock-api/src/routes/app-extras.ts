import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../env";

export function registerAppExtraRoutes(
  _api: Hono<MockEnv>,
  _requireApiKey: MiddlewareHandler<MockEnv>,
) {}
