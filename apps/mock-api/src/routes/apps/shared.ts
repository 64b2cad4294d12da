// What the app routes share: the app a path names.
import type { Context } from "hono";
import type { MockEnv } from "../../internal/env";
import { appNotFoundError } from "../../internal/errors";
import { normalizeAppId } from "../../internal/lookup";
import type { MockApp } from "../../model";

/** The caller's own app, or the API's 404 (another workspace's app is not the caller's to read). */
export function ownApp(c: Context<MockEnv>): MockApp {
  const { state, caller } = c.get("render");
  const rawId = c.req.param("app_id") ?? "";
  const app = state.apps.get(normalizeAppId(rawId));
  if (!app || app.workspaceId !== caller.workspace.id) throw appNotFoundError(rawId);
  return app;
}
