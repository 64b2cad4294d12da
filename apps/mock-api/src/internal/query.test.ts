import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "../seed";
import { type RunningMockApi, startMockApi } from "../server";
import { getJson } from "./test-support";

let api: RunningMockApi;
beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());

const get = (path: string, version?: string) =>
  getJson(api.url, path, { apiKey: SEED.apiKeys.demo, version });

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
