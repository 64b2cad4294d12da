// GET /apps, /apps/filter-options, /apps/{app_id} and /apps/{app_id}/cvms: the
// workspace's apps, the values their filters take, one app and its CVMs.
import type { Hono, MiddlewareHandler } from "hono";
import { appMatches } from "../../internal/app-filters";
import type { MockEnv } from "../../internal/env";
import { appNotFoundError } from "../../internal/errors";
import { appCvms, normalizeAppId, workspaceApps, workspaceCvms } from "../../internal/lookup";
import { QueryReader, readPagination } from "../../internal/query";
import { respond } from "../../internal/respond";
import { getKms, getNode, type MockCvm, type MockState } from "../../model";
import { renderAppFor, renderAppPage, renderCvm } from "../../versions/render-2026-01-21";

function distinct(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => !!value))].sort();
}

/** The values each app-list filter can take, from the workspace's live CVMs. */
export function renderFilterOptions(state: MockState, cvms: MockCvm[]) {
  const nodes = cvms.map((cvm) => getNode(state, cvm.nodeId));
  const kms = cvms.map((cvm) => {
    const app = state.apps.get(cvm.appId);
    return app ? getKms(state, app.kmsId) : undefined;
  });
  return {
    statuses: distinct(cvms.map((cvm) => cvm.status)),
    image_versions: distinct(cvms.map((cvm) => cvm.os.name)),
    instance_types: distinct(cvms.map((cvm) => cvm.instanceType)),
    kms_slugs: distinct(kms.map((k) => k?.slug)),
    kms_types: distinct(kms.map((k) => k?.kind)),
    regions: distinct(nodes.map((node) => node.region)),
    nodes: distinct(nodes.map((node) => node.name)),
  };
}

export function registerAppListRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  // Registered before GET /apps/:app_id, which would otherwise take "filter-options" as an id.
  api.get("/apps/filter-options", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    return c.json(renderFilterOptions(state, workspaceCvms(state, caller.workspace.id)), 200);
  });

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
