// GET /auth/me: the caller.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { respond } from "../../internal/respond";
import { renderCurrentUser } from "../../versions/render-2026-01-21";

export function registerCurrentUserRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/auth/me", requireApiKey, (c) =>
    respond(c, "getCurrentUser", renderCurrentUser(c.get("render"))),
  );
}
