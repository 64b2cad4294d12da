import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import {
  PermissionDeniedError,
  type RequestValidationError,
  ResponseValidationError,
} from "../../errors";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import {
  getWorkspace,
  getWorkspaceNodes,
  getWorkspaceQuotas,
  listWorkspaces,
  safeGetWorkspace,
  safeGetWorkspaceNodes,
  safeGetWorkspaceQuotas,
  safeListWorkspaces,
} from "./index";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

function setup(reply: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
  });
  return { fake, client };
}

const workspace = {
  id: "ws_3f9a",
  name: "Acme",
  slug: "acme",
  avatar_url: null,
  description: null,
  tier: "pro",
  role: "owner",
  is_default: true,
  created_at: "2025-10-30T08:00:00Z",
  confidential_models_enabled: true,
  billing_status: "active",
  suspended_at: null,
};

const node = {
  object_type: "node",
  id: 5,
  name: "prod5",
  region: "us-west-1",
  device_id: "ab",
  ppid: "cd",
  status: "online",
  version: "0.5.3",
};

const metric = { limit: 10, remaining: 4 };
const quotas = {
  team_slug: "acme",
  tier: "pro",
  quotas: { vm_slots: metric, vcpu: metric, memory_mb: metric, disk_gb: metric },
  reserved_nodes: { limit: -1, remaining: -1 },
  reserved_gpu: { gpus: metric, in_use: 6, misconfigured: 0 },
  as_of: "2026-03-05T10:00:00Z",
};

describe("listWorkspaces", () => {
  const page = { data: [workspace], pagination: { has_more: true, next_cursor: "c2", total: 3 } };

  it("GETs /workspaces with cursor and limit", async () => {
    const { fake, client } = setup({ body: page });
    const result = await listWorkspaces(client, { cursor: "c1", limit: 2 });
    const url = new URL(fake.calls[0]!.url);
    expect(fake.calls[0]!.method).toBe("GET");
    expect(url.pathname).toBe("/api/v1/workspaces");
    expect(Object.fromEntries(url.searchParams)).toEqual({ cursor: "c1", limit: "2" });
    expect(result.pagination.next_cursor).toBe("c2");
  });

  it("sends no query without arguments; an omitted billing_status comes back null", async () => {
    const { billing_status: _omitted, ...withoutStatus } = workspace;
    const { fake, client } = setup({ body: { ...page, data: [withoutStatus] } });
    const result = await listWorkspaces(client);
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/workspaces`);
    // The contract gives it no default: an absent value is not claimed to be "active".
    expect(result.data[0]!.billing_status).toBeNull();
  });

  it.each([
    [{ limit: 0 }, "limit"],
    [{ limit: 101 }, "limit"],
    [{ cursor: 5 }, "cursor"],
    [{ page: 1 }, "page"],
  ])("refuses %j", async (args, field) => {
    const { fake, client } = setup({ body: page });
    const result = await safeListWorkspaces(client, args as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });

  it("rejects a page without pagination", async () => {
    const { client } = setup({ body: { data: [] } });
    expect((await safeListWorkspaces(client)).error).toBeInstanceOf(ResponseValidationError);
  });
});

describe("getWorkspace", () => {
  it.each([["acme"], [{ teamSlug: "acme" }]])("GETs /workspaces/acme given %j", async (args) => {
    const { fake, client } = setup({ body: workspace });
    const result = await getWorkspace(client, args);
    expect(fake.calls[0]).toMatchObject({ method: "GET", url: `${TEST_BASE_URL}/workspaces/acme` });
    expect(result.slug).toBe("acme");
  });

  it("encodes the slug and refuses an empty one", async () => {
    const { fake, client } = setup({ body: workspace });
    await getWorkspace(client, { teamSlug: "a/b" });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/workspaces/a%2Fb`);
    const result = await safeGetWorkspace(client, "");
    expect((result.error as RequestValidationError).issues[0]!.path).toBe("teamSlug");
    expect(fake.calls).toHaveLength(1);
  });

  it("surfaces 403 as PermissionDeniedError", async () => {
    const { client } = setup({ status: 403, body: { detail: "not a member" } });
    expect((await safeGetWorkspace(client, "x")).error).toBeInstanceOf(PermissionDeniedError);
  });
});

describe("getWorkspaceNodes", () => {
  const nodes = { items: [node], total: 3, page: 2, page_size: 1, pages: 3 };

  it("GETs the nodes and sends pageSize as page_size", async () => {
    const { fake, client } = setup({ body: nodes });
    const result = await getWorkspaceNodes(client, { teamSlug: "acme", page: 2, pageSize: 1 });
    const url = new URL(fake.calls[0]!.url);
    expect(url.pathname).toBe("/api/v1/workspaces/acme/nodes");
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: "2", page_size: "1" });
    expect(result.items[0]!.name).toBe("prod5");
  });

  it("sends no query when not paging", async () => {
    const { fake, client } = setup({ body: nodes });
    await getWorkspaceNodes(client, { teamSlug: "acme" });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/workspaces/acme/nodes`);
  });

  it.each([
    [{ teamSlug: "acme", pageSize: 0 }, "pageSize"],
    [{ teamSlug: "acme", page: 0 }, "page"],
    [{ page: 1 }, "teamSlug"],
  ])("refuses %j", async (args, field) => {
    const { fake, client } = setup({ body: nodes });
    const result = await safeGetWorkspaceNodes(client, args as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });
});

describe("getWorkspaceQuotas", () => {
  it("GETs the quotas", async () => {
    const { fake, client } = setup({ body: quotas });
    const result = await getWorkspaceQuotas(client, { teamSlug: "acme" });
    expect(fake.calls[0]).toMatchObject({
      method: "GET",
      url: `${TEST_BASE_URL}/workspaces/acme/quotas`,
    });
    expect(result.reserved_gpu.in_use).toBe(6);
  });

  it("fills a quota without remaining with the contract's -1 (unlimited)", async () => {
    const { client } = setup({ body: { ...quotas, reserved_nodes: { limit: 1 } } });
    const result = await getWorkspaceQuotas(client, { teamSlug: "acme" });
    expect(result.reserved_nodes).toEqual({ limit: 1, remaining: -1 });
  });

  it("rejects a quota whose remaining is not an integer", async () => {
    const { client } = setup({ body: { ...quotas, reserved_nodes: { limit: 1, remaining: "1" } } });
    const result = await safeGetWorkspaceQuotas(client, { teamSlug: "acme" });
    expect((result.error as ResponseValidationError).issues[0]!.path).toBe(
      "reserved_nodes.remaining",
    );
  });
});
