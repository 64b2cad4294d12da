// The routes of the API's "Workspace" tag.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerWorkspaceNodeRoutes } from "./nodes";
import { registerQuotaRoutes } from "./quotas";
import { registerWorkspaceListRoutes } from "./workspaces";

export function registerWorkspaceRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  registerWorkspaceListRoutes(api, requireApiKey);
  registerWorkspaceNodeRoutes(api, requireApiKey);
  registerQuotaRoutes(api, requireApiKey);
}
