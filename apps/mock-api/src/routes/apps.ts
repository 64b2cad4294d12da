import type { Hono, MiddlewareHandler } from "hono";
import { appMatches } from "../app-filters";
import type { MockEnv } from "../env";
import { appNotFoundError } from "../errors";
import { appCvms, normalizeAppId, workspaceApps } from "../lookup";
import { QueryReader, readPagination } from "../query";
import { renderAppFor, renderAppPage, renderCvm } from "../versions/render-2026-01-21";
import { respond } from "./respond";

export function registerAppRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  api.get("/apps", requireApiKey, (c) => {
    const ctx = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const { page, pageSize } = readPagination(query, 20);
    const filters = {
      search: query.string("search"),
      statuses: query.strings("status"),
      listed: query.bool("listed"),
      baseImage: query.string("base_image"),
      instanceType: query.string("instance_type"),
      kmsSlug: query.string("kms_slug"),
      kmsType: query.string("kms_type"),
      node: query.string("node"),
      region: query.string("region"),
    };
    query.assertValid();

    const apps = workspaceApps(ctx.state, ctx.caller.workspace.id).filter((app) =>
      appMatches(ctx.state, app, filters),
    );
    return respond(c, "getAppList", renderAppPage(apps, page, pageSize, ctx));
  });

  api.get("/apps/:app_id", requireApiKey, (c) => {
    const ctx = c.get("render");
    const rawId = c.req.param("app_id");
    const app = ctx.state.apps.get(normalizeAppId(rawId));
    if (!app) throw appNotFoundError(rawId);
    return respond(c, "getAppInfo", renderAppFor(app, ctx));
  });

  api.get("/apps/:app_id/cvms", requireApiKey, (c) => {
    const ctx = c.get("render");
    const rawId = c.req.param("app_id");
    const app = ctx.state.apps.get(normalizeAppId(rawId));
    // Another workspace's CVMs are not the caller's to list, even by a known app id.
    if (!app || app.workspaceId !== ctx.caller.workspace.id) throw appNotFoundError(rawId);
    const cvms = appCvms(ctx.state, app.appId).map((cvm) => renderCvm(cvm, ctx));
    return respond(c, "getAppCvms", cvms);
  });
}
