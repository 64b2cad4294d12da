// The routes of the API's "SSH Keys" tag.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerGithubKeyRoutes } from "./github";
import { registerSshKeyListRoutes } from "./keys";

export function registerSshKeyRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  registerSshKeyListRoutes(api, requireApiKey);
  registerGithubKeyRoutes(api, requireApiKey);
}
