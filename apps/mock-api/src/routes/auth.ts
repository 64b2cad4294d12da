import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../env";
import { renderCurrentUser } from "../versions/render-2026-01-21";
import { respond } from "./respond";

export function registerAuthRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  api.get("/auth/me", requireApiKey, (c) =>
    respond(c, "getCurrentUser", renderCurrentUser(c.get("render"))),
  );
}
