import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../env";

export function registerCvmStateStreamRoutes(
  _api: Hono<MockEnv>,
  _requireApiKey: MiddlewareHandler<MockEnv>,
) {}
