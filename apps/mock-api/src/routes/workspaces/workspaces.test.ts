import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";
import { TIER_LIMITS } from "./limits";

const NOW = new Date("2026-03-05T10:00:00.000Z");
const key = SEED.apiKeys.demo;
const slug = SEED.workspaces.main.slug;
const pro = TIER_LIMITS.pro!;
let api: RunningMockApi;

beforeAll(async () => {
  api = await startMockApi({ now: () => NOW });
  // Alice joins two more workspaces so the cursor has pages to walk.
  for (const name of ["Beta Lab", "Gamma Lab"]) {
    const word = name.split(" ")[0]!.toLowerCase();
    const id = `wks_${word}`;
    api.state.workspaces.set(id, {
      id,
      name,
      slug: `ws-${word}`,
      tier: "free",
      avatarUrl: null,
      members: [{ userId: SEED.users.alice.id, role: "member" }],
      creditsCents: 0,
      grantedCreditsCents: 0,
      isPostPaid: false,
      outstandingCents: null,
    });
  }
});
afterAll(() => api.close());

describe("GET /workspaces", () => {
  it("lists the caller's workspaces with their role and default flag", async () => {
    const response = await getJson(api.url, "/workspaces", { apiKey: key });
    expect(response.status).toBe(200);
    expect(contractMismatches("GET /workspaces", response.body)).toEqual([]);
    expect(response.body.data.map((w: any) => [w.slug, w.role, w.is_default])).toEqual([
      ["acme-research", "owner", true],
      ["ws-beta", "member", false],
      ["ws-gamma", "member", false],
    ]);
    expect(response.body.pagination).toEqual({ has_more: false, next_cursor: null, total: 3 });
  });

  it("walks the pages with the cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const page = await getJson(api.url, `/workspaces${query}`, { apiKey: key });
      seen.push(...page.body.data.map((w: any) => w.slug));
      expect(page.body.pagination.total).toBe(3);
      cursor = page.body.pagination.has_more ? page.body.pagination.next_cursor : null;
    } while (cursor);
    expect(seen).toEqual(["acme-research", "ws-beta", "ws-gamma"]);
  });

  it("answers 422 for a bad limit or cursor", async () => {
    const limit = await getJson(api.url, "/workspaces?limit=0", { apiKey: key });
    expect(limit.status).toBe(422);
    expect(limit.body.detail[0]).toMatchObject({
      type: "greater_than_equal",
      loc: ["query", "limit"],
    });
    const cursor = await getJson(api.url, "/workspaces?cursor=nope", { apiKey: key });
    expect(cursor.status).toBe(422);
    expect(cursor.body.detail[0].loc).toEqual(["query", "cursor"]);
  });

  it("shows another user only their own workspaces", async () => {
    const carol = await getJson(api.url, "/workspaces", { apiKey: SEED.apiKeys.otherWorkspace });
    expect(carol.body.data.map((w: any) => w.slug)).toEqual(["carols-lab"]);
  });
});

describe("GET /workspaces/{slug}", () => {
  it("returns the workspace", async () => {
    const response = await getJson(api.url, `/workspaces/${slug}`, { apiKey: key });
    expect(response.status).toBe(200);
    expect(contractMismatches("GET /workspaces/{team_slug}", response.body)).toEqual([]);
    expect(response.body).toMatchObject({
      id: SEED.workspaces.main.id,
      tier: "pro",
      role: "owner",
    });
  });

  it("answers 404 for an unknown slug and 403 for a workspace of others", async () => {
    expect(await getJson(api.url, "/workspaces/nope", { apiKey: key })).toMatchObject({
      status: 404,
      body: { detail: "Workspace not found" },
    });
    const other = await getJson(api.url, "/workspaces/carols-lab", { apiKey: key });
    expect(other.status).toBe(403);
  });
});

describe("GET /workspaces/{slug}/nodes", () => {
  it("pages through the nodes", async () => {
    const response = await getJson(api.url, `/workspaces/${slug}/nodes?page=2&page_size=2`, {
      apiKey: key,
    });
    expect(response.status).toBe(200);
    expect(contractMismatches("GET /workspaces/{team_slug}/nodes", response.body)).toEqual([]);
    expect(response.body).toMatchObject({ total: 3, page: 2, page_size: 2, pages: 2 });
    expect(response.body.items.map((node: any) => node.name)).toEqual(["prod9"]);
  });

  it("answers 422 for page_size over 100 and 404 for an unknown slug", async () => {
    const big = await getJson(api.url, `/workspaces/${slug}/nodes?page_size=101`, { apiKey: key });
    expect(big.status).toBe(422);
    expect(big.body.detail[0].loc).toEqual(["query", "page_size"]);
    expect((await getJson(api.url, "/workspaces/nope/nodes", { apiKey: key })).status).toBe(404);
  });
});

describe("GET /workspaces/{slug}/quotas", () => {
  it("reports limits by tier and what the live CVMs use", async () => {
    const response = await getJson(api.url, `/workspaces/${slug}/quotas`, { apiKey: key });
    expect(response.status).toBe(200);
    expect(contractMismatches("GET /workspaces/{team_slug}/quotas", response.body)).toEqual([]);
    const cvms = [...api.state.cvms.values()].filter(
      (cvm) => cvm.workspaceId === SEED.workspaces.main.id && cvm.deletedAt === null,
    );
    const vcpu = cvms.reduce((sum, cvm) => sum + cvm.vcpu, 0);
    expect(response.body).toMatchObject({
      team_slug: slug,
      tier: "pro",
      as_of: NOW.toISOString(),
      quotas: {
        vm_slots: { limit: pro.vmSlots, remaining: pro.vmSlots - cvms.length },
        vcpu: { limit: pro.vcpu, remaining: pro.vcpu - vcpu },
      },
    });
  });

  it("shows the free tier's small limits and what Carol's two CVMs use", async () => {
    const response = await getJson(api.url, "/workspaces/carols-lab/quotas", {
      apiKey: SEED.apiKeys.otherWorkspace,
    });
    expect(response.status).toBe(200);
    const free = TIER_LIMITS.free!;
    expect(response.body).toMatchObject({
      tier: "free",
      quotas: {
        vm_slots: { limit: free.vmSlots, remaining: free.vmSlots - 2 },
        vcpu: { limit: free.vcpu, remaining: free.vcpu - 2 },
        memory_mb: { limit: free.memoryMb, remaining: free.memoryMb - 2 * 2048 },
        disk_gb: { limit: free.diskGb, remaining: free.diskGb - 2 * 20 },
      },
      reserved_gpu: { gpus: { limit: 0, remaining: 0 }, in_use: 0 },
    });
  });

  it("answers 403 for another workspace", async () => {
    expect((await getJson(api.url, "/workspaces/carols-lab/quotas", { apiKey: key })).status).toBe(
      403,
    );
  });
});
