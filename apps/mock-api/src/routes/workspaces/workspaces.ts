// GET /workspaces and GET /workspaces/{slug}: the caller's workspaces.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { MockApiError, validationError } from "../../internal/errors";
import { QueryReader } from "../../internal/query";
import type { Caller, MockState, MockWorkspace } from "../../model";
import { callerWorkspaces, workspaceProfile } from "./profiles";

function renderWorkspace(state: MockState, workspace: MockWorkspace, caller: Caller) {
  const profile = workspaceProfile(state, workspace);
  const role = workspace.members.find((member) => member.userId === caller.user.id)?.role;
  return {
    id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    tier: workspace.tier,
    role: role ?? "member",
    // The workspace the API key belongs to is the one requests act in by default.
    is_default: workspace.id === caller.workspace.id,
    created_at: profile.createdAt,
    confidential_models_enabled: profile.confidentialModelsEnabled,
  };
}

/** The cursor is opaque to clients; the mock encodes the last id it returned. */
const encodeCursor = (workspaceId: string) => btoa(JSON.stringify({ after: workspaceId }));

function decodeCursor(cursor: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(atob(cursor));
    const after = (parsed as { after?: unknown } | null)?.after;
    return typeof after === "string" ? after : undefined;
  } catch {
    return undefined;
  }
}
/** The caller's workspace by slug: 404 when none has it, 403 when the caller is not a member. */
export function memberWorkspace(state: MockState, caller: Caller, slug: string): MockWorkspace {
  const workspace = [...state.workspaces.values()].find((candidate) => candidate.slug === slug);
  if (!workspace) throw new MockApiError(404, { detail: "Workspace not found" });
  if (!workspace.members.some((member) => member.userId === caller.user.id)) {
    throw new MockApiError(403, { detail: "You are not a member of this workspace" });
  }
  return workspace;
}

export function registerWorkspaceListRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/workspaces", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const limit = query.int("limit", 20, { ge: 1, le: 100 });
    const cursor = query.string("cursor");
    query.assertValid();

    const all = callerWorkspaces(state, caller);
    let start = 0;
    if (cursor !== undefined && cursor !== "") {
      const after = decodeCursor(cursor);
      const index = after === undefined ? -1 : all.findIndex((w) => w.id === after);
      if (index < 0) {
        throw validationError([
          { type: "value_error", loc: ["query", "cursor"], msg: "Invalid cursor", input: cursor },
        ]);
      }
      start = index + 1;
    }
    const page = all.slice(start, start + limit);
    const hasMore = start + limit < all.length;
    return c.json(
      {
        data: page.map((workspace) => renderWorkspace(state, workspace, caller)),
        pagination: {
          has_more: hasMore,
          next_cursor: hasMore && page.length > 0 ? encodeCursor(page[page.length - 1]!.id) : null,
          total: all.length,
        },
      },
      200,
    );
  });

  api.get("/workspaces/:slug", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    const workspace = memberWorkspace(state, caller, c.req.param("slug"));
    return c.json(renderWorkspace(state, workspace, caller), 200);
  });
}
