import type { Context, Hono, MiddlewareHandler } from "hono";
import { readJsonBody, readJsonObject } from "../body";
import type { MockEnv } from "../env";
import {
  appNotFoundError,
  cvmNotFoundError,
  type ValidationIssue,
  validationError,
} from "../errors";
import { appCvms, normalizeAppId, resolveCvm, workspaceCvms } from "../lookup";
import { getNode, type MockApp } from "../model";
import { QueryReader, readPagination } from "../query";
import {
  appRevisions,
  checkAllowed,
  createInstance,
  isOnChain,
  readCreateInstanceBody,
  renderAttestation,
  renderDeviceAllowlist,
  renderFilterOptions,
  renderInstance,
  renderRevision,
  renderRevisionDetail,
} from "../resources/app-extras";
import { respond } from "./respond";

/** The caller's own app, or the API's 404 (another workspace's app is not the caller's to read). */
function ownApp(c: Context<MockEnv>): MockApp {
  const { state, caller } = c.get("render");
  const rawId = c.req.param("app_id") ?? "";
  const app = state.apps.get(normalizeAppId(rawId));
  if (!app || app.workspaceId !== caller.workspace.id) throw appNotFoundError(rawId);
  return app;
}

/** Optional typed fields of an is-allowed body, checked as pydantic would. */
function readCheckBody(
  raw: unknown,
  fields: Record<string, "string" | "requiredString" | "int">,
): Record<string, string | number | undefined> {
  const body = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {};
  const issues: ValidationIssue[] = [];
  const out: Record<string, string | number | undefined> = {};
  for (const [field, kind] of Object.entries(fields)) {
    const value = (body as Record<string, unknown>)[field];
    if (value === undefined || value === null) {
      if (kind === "requiredString") {
        issues.push({ type: "missing", loc: ["body", field], msg: "Field required", input: body });
      }
      continue;
    }
    if (kind === "int" ? !Number.isInteger(value) : typeof value !== "string") {
      issues.push({
        type: kind === "int" ? "int_type" : "string_type",
        loc: ["body", field],
        msg: kind === "int" ? "Input should be a valid integer" : "Input should be a valid string",
        input: value,
      });
      continue;
    }
    out[field] = value as string | number;
  }
  if (issues.length > 0) throw validationError(issues);
  return out;
}

export function registerAppExtraRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  // Registered before GET /apps/:app_id, which would otherwise take "filter-options" as an id.
  api.get("/apps/filter-options", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    return c.json(renderFilterOptions(state, workspaceCvms(state, caller.workspace.id)), 200);
  });

  api.get("/apps/:app_id/revisions", requireApiKey, (c) => {
    const { state } = c.get("render");
    const app = ownApp(c);
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const { page, pageSize } = readPagination(query, 50, 1000);
    query.assertValid();
    const revisions = appRevisions(state, app.appId);
    return c.json(
      {
        revisions: revisions
          .slice((page - 1) * pageSize, page * pageSize)
          .map((revision) => renderRevision(state, revision)),
        total: revisions.length,
        page,
        page_size: pageSize,
        total_pages: Math.ceil(revisions.length / pageSize),
      },
      200,
    );
  });

  api.get("/apps/:app_id/revisions/:revision_id", requireApiKey, (c) => {
    const { state } = c.get("render");
    const app = ownApp(c);
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const raw = query.bool("raw_compose_file") ?? false;
    query.assertValid();
    const revisionId = c.req.param("revision_id");
    const revision = appRevisions(state, app.appId).find((r) => r.revisionId === revisionId);
    if (!revision) {
      return c.json({ detail: `Revision ${revisionId} not found for app ${app.appId}` }, 404);
    }
    return c.json(renderRevisionDetail(state, app, revision, raw), 200);
  });

  api.get("/apps/:app_id/attestations", requireApiKey, (c) => {
    return c.json(renderAttestation(c.get("render").state, ownApp(c)), 200);
  });

  api.get("/apps/:app_id/device-allowlist", requireApiKey, (c) => {
    return respond(
      c,
      "getAppDeviceAllowlist",
      renderDeviceAllowlist(c.get("render").state, ownApp(c)),
    );
  });

  api.post("/apps/:app_id/instances", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const app = ownApp(c);
    const body = readCreateInstanceBody(await readJsonObject(c.req, "empty-object"));
    const baseUrl = new URL(c.req.url).origin + c.req.path.replace(/\/apps\/.*$/, "");
    const cvm = createInstance(state, caller, app, body, now, baseUrl);
    return respond(c, "createAppInstance", renderInstance(state, cvm));
  });

  api.post("/apps/:app_id/is-allowed", requireApiKey, async (c) => {
    const { state } = c.get("render");
    const app = ownApp(c);
    const body = readCheckBody(await readJsonBody(c.req, "empty-object"), {
      compose_hash: "requiredString",
      node_id: "int",
      device_id: "string",
      chain_id: "int",
    });
    const deviceId =
      (body.device_id as string | undefined) ??
      (typeof body.node_id === "number" ? state.nodes.get(body.node_id)?.deviceId : undefined) ??
      "";
    return c.json(checkAllowed(state, app, body.compose_hash as string, deviceId), 200);
  });

  // Takes no body: every CVM of the app is checked.
  api.post("/apps/:app_id/cvms/is-allowed", requireApiKey, (c) => {
    const { state } = c.get("render");
    const app = ownApp(c);
    if (!isOnChain(state, app)) {
      return respond(c, "checkAppCvmsIsAllowed", {
        is_onchain: false,
        results: [],
        total: 0,
        allowed_count: 0,
        denied_count: 0,
        error_count: 0,
        skipped_cvm_ids: [],
      });
    }
    const cvms = appCvms(state, app.appId);
    // A CVM that never booted has no device to check yet.
    const checked = cvms.filter((cvm) => cvm.instanceId !== null);
    const results = checked.map((cvm) =>
      checkAllowed(state, app, cvm.composeHash, getNode(state, cvm.nodeId).deviceId, cvm.id),
    );
    return respond(c, "checkAppCvmsIsAllowed", {
      is_onchain: true,
      results: results.map((result) => ({ ...result, cvm_id: result.cvm_id as string })),
      total: cvms.length,
      allowed_count: results.filter((r) => r.is_allowed).length,
      denied_count: results.filter((r) => !r.is_allowed && !r.error).length,
      error_count: results.filter((r) => r.error).length,
      skipped_cvm_ids: cvms.filter((cvm) => cvm.instanceId === null).map((cvm) => cvm.id),
    });
  });

  api.post("/cvms/:cvm_id/is-allowed", requireApiKey, async (c) => {
    const { state, caller } = c.get("render");
    const rawId = c.req.param("cvm_id");
    const cvm = resolveCvm(state, caller.workspace.id, rawId);
    if (!cvm) throw cvmNotFoundError(rawId);
    const body = readCheckBody(await readJsonBody(c.req, "empty-object"), {
      compose_hash: "string",
      node_id: "int",
      device_id: "string",
    });
    const app = state.apps.get(cvm.appId);
    if (!app) throw appNotFoundError(cvm.appId);
    const nodeId = typeof body.node_id === "number" ? body.node_id : cvm.nodeId;
    const deviceId =
      (body.device_id as string | undefined) ?? state.nodes.get(nodeId)?.deviceId ?? "";
    const composeHash = (body.compose_hash as string | undefined) ?? cvm.composeHash;
    return respond(c, "checkCvmIsAllowed", checkAllowed(state, app, composeHash, deviceId, cvm.id));
  });
}
