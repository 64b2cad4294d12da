import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../env";

export function registerCvmLifecycleRoutes(
  _api: Hono<MockEnv>,
  _requireApiKey: MiddlewareHandler<MockEnv>,
) {}
