// GET /apps/{app_id}/revisions and /revisions/{revision_id}: the recorded changes
// of what an app runs.
import type { Hono, MiddlewareHandler } from "hono";
import { deterministicHex } from "../../internal/deterministic-hex";
import type { MockEnv } from "../../internal/env";
import { QueryReader, readPagination } from "../../internal/query";
import {
  getUser,
  getWorkspace,
  type MockApp,
  type MockCvm,
  type MockState,
  resourceState,
} from "../../model";
import { ownApp } from "./shared";

/** One recorded change of what an app runs. */
export interface MockRevision {
  revisionId: string;
  appId: string;
  cvmId: string;
  vmUuid: string;
  composeHash: string;
  composeFile: string;
  encryptedEnv: string;
  userConfig: string;
  createdAt: string;
  traceId: string;
  operationType: string;
  userId: number;
}

const REVISIONS_KEY = "app-extras/revisions";

/** Every CVM was created once: that is its first revision. */
function seedRevisions(state: MockState): MockRevision[] {
  return [...state.cvms.values()].map((cvm) => revisionFor(cvm, "create", cvm.createdAt));
}
export function revisionFor(cvm: MockCvm, operationType: string, createdAt: string): MockRevision {
  const label = `${cvm.id}:${operationType}:${createdAt}`;
  return {
    revisionId: `rev_${deterministicHex(`revision:${label}`, 16)}`,
    appId: cvm.appId,
    cvmId: cvm.id,
    vmUuid: cvm.vmUuid,
    composeHash: cvm.composeHash,
    composeFile: cvm.composeFile,
    encryptedEnv: deterministicHex(`env:${label}`, 96),
    userConfig: "",
    createdAt,
    traceId: deterministicHex(`trace:${label}`, 32),
    operationType,
    userId: cvm.creatorId,
  };
}

export function appRevisions(state: MockState, appId: string): MockRevision[] {
  return resourceState(state, REVISIONS_KEY, seedRevisions)
    .filter((revision) => revision.appId === appId)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function recordRevision(state: MockState, revision: MockRevision): void {
  const revisions = resourceState(state, REVISIONS_KEY, seedRevisions);
  // The store is seeded at its first use from the CVMs that exist then: a CVM
  // made just before is already in it, under the same id; this record replaces it.
  const seeded = revisions.findIndex((known) => known.revisionId === revision.revisionId);
  if (seeded === -1) revisions.push(revision);
  else revisions[seeded] = revision;
}

/** The app compose the platform hashes, as the revision detail shows it. */
function appCompose(app: MockApp, revision: MockRevision) {
  return {
    manifest_version: 2,
    name: app.name,
    runner: "docker-compose",
    docker_compose_file: revision.composeFile,
    kms_enabled: true,
    gateway_enabled: true,
    public_logs: true,
    public_sysinfo: true,
    allowed_envs: [],
    no_instance_id: false,
    secure_time: false,
  };
}

export function renderRevision(state: MockState, revision: MockRevision) {
  const user = getUser(state, revision.userId);
  const cvm = state.cvms.get(revision.cvmId);
  const workspace = cvm ? getWorkspace(state, cvm.workspaceId) : undefined;
  return {
    revision_id: revision.revisionId,
    app_id: revision.appId,
    vm_uuid: revision.vmUuid,
    compose_hash: revision.composeHash,
    created_at: revision.createdAt,
    trace_id: revision.traceId,
    operation_type: revision.operationType,
    triggered_by: {
      object_type: "user" as const,
      id: user.hashedId,
      username: user.username,
      avatar_url: user.avatarUrl,
    },
    cvm: cvm
      ? {
          object_type: "cvm" as const,
          name: cvm.name,
          app_id: cvm.appId,
          vm_uuid: cvm.vmUuid,
        }
      : null,
    workspace: workspace
      ? {
          object_type: "workspace" as const,
          id: workspace.id,
          name: workspace.name,
          slug: workspace.slug,
          avatar_url: workspace.avatarUrl,
        }
      : null,
  };
}

export function renderRevisionDetail(
  state: MockState,
  app: MockApp,
  revision: MockRevision,
  rawComposeFile: boolean,
) {
  const compose = appCompose(app, revision);
  return {
    ...renderRevision(state, revision),
    compose_file: rawComposeFile ? JSON.stringify(compose) : compose,
    encrypted_env: revision.encryptedEnv,
    user_config: revision.userConfig,
  };
}

export function registerRevisionRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
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
}
