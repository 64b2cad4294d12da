import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";
import { API_VERSIONS } from "../../versions/chain";

let api: RunningMockApi;
beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());

const get = (path: string, version?: string) =>
  getJson(api.url, path, { apiKey: SEED.apiKeys.demo, version });
const names = (items: { name: string }[]) => items.map((item) => item.name);
const total = SEED.mainWorkspaceCvms.length;

describe("GET /cvms/paginated", () => {
  it("defaults to page 1 of 30, newest first", async () => {
    const { body } = await get("/cvms/paginated");
    expect(body).toMatchObject({ total, page: 1, page_size: 30, pages: 1 });
    expect(body.items).toHaveLength(total);
    const created = body.items.map((item: { created_at: string }) => item.created_at);
    expect(created).toEqual([...created].sort().reverse());
  });

  it.each(API_VERSIONS)("pages through every CVM exactly once (%s)", async (version) => {
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => get(`/cvms/paginated?page=${page}&page_size=5`, version)),
    );
    expect(pages.map((page) => page.body.items.length)).toEqual([5, 5, 2, 0]);
    for (const [index, page] of pages.entries()) {
      expect(page.body).toMatchObject({ total, page: index + 1, page_size: 5, pages: 3 });
    }
    const seen = pages.flatMap((page) => names(page.body.items));
    expect(seen.sort()).toEqual(names(SEED.mainWorkspaceCvms).sort());
  });

  it("bounds page_size to 1-100", async () => {
    expect((await get("/cvms/paginated?page_size=100")).status).toBe(200);
    for (const size of ["0", "101"]) {
      const response = await get(`/cvms/paginated?page_size=${size}`);
      expect(response.status).toBe(422);
      expect(response.body.detail[0].loc).toEqual(["query", "page_size"]);
    }
  });

  it("filters on the teepod id", async () => {
    const prod7 = SEED.nodes.prod7;
    const { body } = await get(`/cvms/paginated?teepod_id=${prod7.id}`);
    const expected = SEED.mainWorkspaceCvms.filter((cvm) => cvm.nodeId === prod7.id);
    expect(body.total).toBe(expected.length);
    expect(names(body.items).sort()).toEqual(names(expected).sort());
    for (const item of body.items) expect(item.node_info.id).toBe(prod7.id);

    const legacy = await get(`/cvms/paginated?teepod_id=${prod7.id}`, "2025-10-28");
    for (const item of legacy.body.items) expect(item.node.id).toBe(prod7.id);
  });

  it("filters on the node id, another number than the teepod id (not an alias)", async () => {
    const prod7 = SEED.nodes.prod7;
    expect(prod7.nodeId).not.toBe(prod7.id);
    const { body } = await get(`/cvms/paginated?node_id=${prod7.nodeId}`);
    const expected = SEED.mainWorkspaceCvms.filter((cvm) => cvm.nodeId === prod7.id);
    expect(names(body.items).sort()).toEqual(names(expected).sort());
    for (const item of body.items) expect(item.node_info.node_id).toBe(prod7.nodeId);
    // The teepod id is no node id.
    expect((await get(`/cvms/paginated?node_id=${prod7.id}`)).body.total).toBe(0);
  });

  it("filters on the creator, the family and the instance types", async () => {
    const me = await get("/auth/me");
    expect(me.status).toBe(200);
    const all = (await get("/cvms/paginated?page_size=100")).body.items;
    const byAlice = all.filter((item: any) => item.creator.username === "alice");
    const alice = byAlice[0].creator.id as string;
    expect((await get(`/cvms/paginated?user_id=${alice}&page_size=100`)).body.total).toBe(
      byAlice.length,
    );
    // "0" names nobody: no filter.
    expect((await get("/cvms/paginated?user_id=0")).body.total).toBe(total);
    const gpu = (await get("/cvms/paginated?family=gpu")).body.items;
    expect(gpu.length).toBeGreaterThan(0);
    expect(gpu.every((item: any) => item.resource.gpus > 0)).toBe(true);
    const cpu = (await get("/cvms/paginated?family=cpu")).body.total;
    expect(cpu + gpu.length).toBe(total);
    expect((await get("/cvms/paginated?family=all")).body.total).toBe(total);
    const types = await get("/cvms/paginated?instance_types=tdx.small&instance_types=tdx.medium");
    expect(types.body.total).toBeGreaterThan(0);
    expect(
      types.body.items.every((item: any) =>
        ["tdx.small", "tdx.medium"].includes(item.resource.instance_type),
      ),
    ).toBe(true);
    const bad = await get("/cvms/paginated?family=tpu&user_id=alice");
    expect(bad.status).toBe(422);
    expect(bad.body.detail.map((d: { loc: string[] }) => d.loc)).toEqual([
      ["query", "user_id"],
      ["query", "family"],
    ]);
  });

  it("reports zero pages when nothing matches", async () => {
    const { body } = await get("/cvms/paginated?teepod_id=999");
    expect(body).toEqual({ items: [], total: 0, page: 1, page_size: 30, pages: 0 });
  });
});
