import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "./seed";
import { type RunningMockApi, startMockApi } from "./server";
import { getJson } from "./test-support";
import { API_VERSIONS } from "./versions/chain";

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

describe("422 bodies in FastAPI's format", () => {
  it("page below 1", async () => {
    const response = await get("/cvms/paginated?page=0");
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [
        {
          type: "greater_than_equal",
          loc: ["query", "page"],
          msg: "Input should be greater than or equal to 1",
          input: "0",
          ctx: { ge: 1 },
        },
      ],
    });
  });

  it("page_size above 100", async () => {
    const response = await get("/apps?page_size=101");
    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual([
      {
        type: "less_than_equal",
        loc: ["query", "page_size"],
        msg: "Input should be less than or equal to 100",
        input: "101",
        ctx: { le: 100 },
      },
    ]);
  });

  it("non-integers, every bad parameter listed at once", async () => {
    const response = await get("/cvms/paginated?page=two&page_size=1.5&node_id=");
    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual(
      ["page", "page_size", "node_id"].map((name, index) => ({
        type: "int_parsing",
        loc: ["query", name],
        msg: "Input should be a valid integer, unable to parse string as an integer",
        input: ["two", "1.5", ""][index],
      })),
    );
  });

  it("a boolean that is not one", async () => {
    const response = await get("/apps?listed=maybe");
    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual([
      {
        type: "bool_parsing",
        loc: ["query", "listed"],
        msg: "Input should be a valid boolean, unable to interpret input",
        input: "maybe",
      },
    ]);
  });
});

describe("GET /apps", () => {
  const appNames = async (query: string, version?: string) => {
    const response = await get(`/apps${query}`, version);
    expect(response.status).toBe(200);
    return response.body.dstack_apps.map((app: { name: string }) => app.name).sort();
  };

  it("lists the workspace's apps with their CVM counts", async () => {
    const { body } = await get("/apps");
    expect(body).toMatchObject({ page: 1, page_size: 20, total: 4, total_pages: 1 });
    for (const app of body.dstack_apps) expect(app.cvm_count).toBe(app.cvms.length);
  });

  it("paginates", async () => {
    const first = await get("/apps?page_size=3");
    const second = await get("/apps?page_size=3&page=2");
    expect(first.body).toMatchObject({ total: 4, total_pages: 2, page: 1, page_size: 3 });
    expect(first.body.dstack_apps).toHaveLength(3);
    expect(second.body.dstack_apps).toHaveLength(1);
  });

  it.each(API_VERSIONS)("takes status more than once, matching any (%s)", async (version) => {
    expect(await appNames("?status=stopped&status=starting", version)).toEqual([
      "acme-web",
      "ci-runner",
      "inference-gateway",
    ]);
    expect(await appNames("?status=running", version)).toHaveLength(4);
  });

  it("searches names and app ids, ignoring case", async () => {
    expect(await appNames("?search=ORACLE")).toEqual(["price-oracle"]);
    const idPart = SEED.apps.inference.appId.slice(3, 15).toUpperCase();
    expect(await appNames(`?search=${idPart}`)).toEqual(["inference-gateway"]);
    expect(await appNames("?search=nothing-like-this")).toEqual([]);
  });

  it("needs one CVM to pass every CVM filter together", async () => {
    // prod9 holds a CVM of each app, but only the oracle's is running.
    expect(await appNames("?region=ap-southeast-1")).toHaveLength(4);
    expect(await appNames("?region=ap-southeast-1&status=running")).toEqual(["price-oracle"]);
    expect(await appNames("?node=prod9&status=running")).toEqual(["price-oracle"]);
    expect(await appNames(`?node=${SEED.nodes.prod9.id}&status=running`)).toEqual(["price-oracle"]);
  });

  it("filters on KMS, image, instance type and listing", async () => {
    expect(await appNames("?kms_type=base")).toEqual(["inference-gateway"]);
    expect(await appNames("?kms_slug=ethereum-prod")).toEqual(["price-oracle"]);
    expect(await appNames("?base_image=dstack-dev-0.5.3")).toEqual(["ci-runner"]);
    expect(await appNames("?instance_type=tdx.large")).toEqual(["ci-runner"]);
    expect(await appNames("?listed=true")).toEqual(["acme-web", "price-oracle"]);
    expect(await appNames("?listed=false")).toEqual(["ci-runner", "inference-gateway"]);
  });
});

describe("default page sizes, as the contract gives them", () => {
  it.each([
    ["/cvms/paginated", 30],
    [`/workspaces/${SEED.workspaces.main.slug}/nodes`, 30],
    ["/apps", 20],
    ["/kms", 20],
    [`/apps/${SEED.apps.web.appId}/revisions`, 50],
  ])("%s: %i", async (path, size) => {
    const { status, body } = await get(path);
    expect(status).toBe(200);
    expect(body.page_size).toBe(size);
  });

  it("app revisions take a page_size up to 1000", async () => {
    const path = `/apps/${SEED.apps.web.appId}/revisions`;
    expect((await get(`${path}?page_size=1000`)).body.page_size).toBe(1000);
    expect((await get(`${path}?page_size=1001`)).status).toBe(422);
  });
});
