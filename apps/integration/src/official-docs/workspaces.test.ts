// The official reference's workspaces page (`cloud-js-sdk/workspaces.mdx`): the
// caller's workspaces, one workspace, its nodes and its quotas.
import {
  createBaseClient,
  createClient,
  getWorkspace,
  NotFoundError,
  PermissionDeniedError,
  RequestValidationError,
  UnprocessableEntityError,
} from "@phala/cloud";
import { beforeAll, describe, expect, it } from "vitest";
import { categoriesOf, pathOf, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

const mock = useDocsMock();
const MAIN = SEED.workspaces.main;
const OTHER = SEED.workspaces.other;
const alice = () => createClient();

beforeAll(() => {
  // Alice joins Carol's workspace too, so her list has two pages of one.
  mock.api.state.workspaces.get(OTHER.id)!.members.push({
    userId: SEED.users.alice.id,
    role: "member",
  });
});

describe("listWorkspaces: GET /workspaces", () => {
  it("data (each with name and slug) and pagination { has_more, next_cursor, total }", async () => {
    const workspaces = await alice().listWorkspaces({ limit: 10 });
    expect(pathOf(mock.sent[0])).toBe("/workspaces?limit=10");
    expect(workspaces.data.map((ws) => [ws.name, ws.slug]).sort()).toEqual(
      [
        [MAIN.name, MAIN.slug],
        [OTHER.name, OTHER.slug],
      ].sort(),
    );
    expect(workspaces.pagination).toEqual({ has_more: false, next_cursor: null, total: 2 });
    const own = workspaces.data.find((ws) => ws.slug === MAIN.slug)!;
    expect(own).toMatchObject({ id: MAIN.id, tier: MAIN.tier, role: "owner", is_default: true });
  });

  it("limit and cursor page through them", async () => {
    const c = alice();
    const first = await c.listWorkspaces({ limit: 1 });
    expect(first.data).toHaveLength(1);
    expect(first.pagination.has_more).toBe(true);
    expect(first.pagination.total).toBe(2);
    const second = await c.listWorkspaces({ limit: 1, cursor: first.pagination.next_cursor! });
    expect(second.data).toHaveLength(1);
    expect(second.data[0]?.slug).not.toBe(first.data[0]?.slug);
    expect(second.pagination).toMatchObject({ has_more: false, next_cursor: null });
  });

  it("a cursor the API did not give: 422 (UnprocessableEntityError, ValidationError)", async () => {
    const error = await rejectionOf(alice().listWorkspaces({ cursor: "not-a-cursor" }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(categoriesOf(error)).toEqual(["RequestError", "ValidationError"]);
    expect((error as UnprocessableEntityError).validationErrors[0]).toMatchObject({
      field: "cursor",
      location: "query",
    });
  });

  it("limit above 100 is refused before sending", async () => {
    const error = await rejectionOf(alice().listWorkspaces({ limit: 101 }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });
});

describe("getWorkspace: GET /workspaces/{teamSlug}", () => {
  it("{ teamSlug }: the workspace's details", async () => {
    const ws = await alice().getWorkspace({ teamSlug: MAIN.slug });
    expect(pathOf(mock.sent[0])).toBe(`/workspaces/${MAIN.slug}`);
    expect(ws).toMatchObject({ id: MAIN.id, name: MAIN.name, slug: MAIN.slug, tier: MAIN.tier });
    expect(ws.role).toBe("owner");
  });

  it("standalone; a bare slug works too", async () => {
    const ws = await getWorkspace(createBaseClient(), OTHER.slug);
    expect(ws).toMatchObject({ slug: OTHER.slug, role: "member", is_default: false });
  });

  it("a workspace the caller is not in: 403 (PermissionDeniedError, the docs' AuthError)", async () => {
    const error = await rejectionOf(
      createClient({ apiKey: SEED.apiKeys.member }).getWorkspace({ teamSlug: OTHER.slug }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).status).toBe(403);
    expect(categoriesOf(error)).toEqual(["RequestError", "AuthError"]);
  });

  it("an unknown slug: 404 (NotFoundError, BusinessError)", async () => {
    const result = await alice().safeGetWorkspace({ teamSlug: "no-such-team" });
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(categoriesOf(result.error)).toEqual(["RequestError", "BusinessError"]);
  });
});

// Documented: "Array of node information". The API pages them:
// `{ items, total, page, page_size, pages }`; `page` and `pageSize` choose one.
describe("getWorkspaceNodes: GET /workspaces/{teamSlug}/nodes (differs: a page object)", () => {
  it("{ teamSlug }: the nodes the workspace can deploy to", async () => {
    const nodes = await alice().getWorkspaceNodes({ teamSlug: MAIN.slug });
    expect(pathOf(mock.sent[0])).toBe(`/workspaces/${MAIN.slug}/nodes`);
    expect(Array.isArray(nodes)).toBe(false);
    expect(nodes).toMatchObject({ total: 3, page: 1, pages: 1 });
    expect(nodes.items.map((node) => [node.id, node.name, node.region])).toEqual([
      [SEED.nodes.prod5.id, "prod5", SEED.nodes.prod5.region],
      [SEED.nodes.prod7.id, "prod7", SEED.nodes.prod7.region],
      [SEED.nodes.prod9.id, "prod9", SEED.nodes.prod9.region],
    ]);
    expect(nodes.items[0]).toMatchObject({ object_type: "node", node_id: SEED.nodes.prod5.nodeId });
  });

  it("page and pageSize (sent as page_size)", async () => {
    const nodes = await alice().getWorkspaceNodes({ teamSlug: MAIN.slug, page: 2, pageSize: 2 });
    expect(pathOf(mock.sent[0])).toBe(`/workspaces/${MAIN.slug}/nodes?page=2&page_size=2`);
    expect(nodes).toMatchObject({ page: 2, page_size: 2, total: 3, pages: 2 });
    expect(nodes.items.map((node) => node.name)).toEqual(["prod9"]);
  });
});

describe("getWorkspaceQuotas: GET /workspaces/{teamSlug}/quotas", () => {
  it("team_slug, tier, quotas (vm_slots, vcpu, memory_mb, disk_gb), reserved_nodes, reserved_gpu", async () => {
    const quotas = await alice().getWorkspaceQuotas({ teamSlug: MAIN.slug });
    expect(pathOf(mock.sent[0])).toBe(`/workspaces/${MAIN.slug}/quotas`);
    expect(quotas.team_slug).toBe(MAIN.slug);
    expect(quotas.tier).toBe(MAIN.tier);
    for (const name of ["vm_slots", "vcpu", "memory_mb", "disk_gb"] as const) {
      const quota = quotas.quotas[name];
      expect(quota.limit, name).toBeGreaterThan(0);
      expect(quota.remaining, name).toBeLessThanOrEqual(quota.limit);
    }
    // The seed's main workspace runs 12 CVMs.
    const { vm_slots } = quotas.quotas;
    expect(vm_slots.limit - vm_slots.remaining).toBe(SEED.mainWorkspaceCvms.length);
    expect(quotas.reserved_nodes).toEqual({
      limit: expect.any(Number),
      remaining: expect.any(Number),
    });
    expect(quotas.reserved_gpu).toMatchObject({
      in_use: expect.any(Number),
      misconfigured: expect.any(Number),
    });
    expect(quotas.reserved_gpu.gpus).toEqual({
      limit: expect.any(Number),
      remaining: expect.any(Number),
    });
  });

  it("the page's example reads quotas.vm_slots.remaining and .limit", async () => {
    const quotas = await alice().getWorkspaceQuotas({ teamSlug: MAIN.slug });
    expect(`${quotas.quotas.vm_slots.remaining}/${quotas.quotas.vm_slots.limit}`).toMatch(
      /^\d+\/\d+$/,
    );
  });

  it("another workspace's quotas: 403", async () => {
    const result = await createClient({
      apiKey: SEED.apiKeys.otherWorkspace,
    }).safeGetWorkspaceQuotas({ teamSlug: MAIN.slug });
    expect(result.error).toBeInstanceOf(PermissionDeniedError);
  });
});
