import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { key, mock, useAppsMock, web } from "./apps.test-support";

useAppsMock();

describe("revisions", () => {
  it("pages an app's revisions newest first", async () => {
    const { status, body } = await getJson(mock.url, `/apps/${web}/revisions?page_size=2`, {
      apiKey: key,
    });
    expect(status).toBe(200);
    expect(contractMismatches("GET /apps/{app_id}/revisions", body)).toEqual([]);
    expect(body).toMatchObject({ total: 3, page: 1, page_size: 2, total_pages: 2 });
    expect(body.revisions).toHaveLength(2);
    expect(body.revisions[0].created_at >= body.revisions[1].created_at).toBe(true);
    const second = await getJson(mock.url, `/apps/0x${web}/revisions?page=2&page_size=2`, {
      apiKey: key,
    });
    expect(second.body.revisions).toHaveLength(1);
  });

  it("answers 422 for a page size over 1000", async () => {
    const { status, body } = await getJson(mock.url, `/apps/${web}/revisions?page_size=1001`, {
      apiKey: key,
    });
    expect(status).toBe(422);
    expect(body.detail[0]).toMatchObject({ type: "less_than_equal", loc: ["query", "page_size"] });
  });

  it("returns one revision, its compose parsed or raw", async () => {
    const list = await getJson(mock.url, `/apps/${web}/revisions`, { apiKey: key });
    const id = list.body.revisions[0].revision_id;
    const { status, body } = await getJson(mock.url, `/apps/${web}/revisions/${id}`, {
      apiKey: key,
    });
    expect(status).toBe(200);
    expect(contractMismatches("GET /apps/{app_id}/revisions/{revision_id}", body)).toEqual([]);
    expect(body.compose_file.docker_compose_file).toContain("services:");
    const raw = await getJson(mock.url, `/apps/${web}/revisions/${id}?raw_compose_file=true`, {
      apiKey: key,
    });
    expect(typeof raw.body.compose_file).toBe("string");
    expect(JSON.parse(raw.body.compose_file)).toEqual(body.compose_file);
    const missing = await getJson(mock.url, `/apps/${web}/revisions/rev_nope`, { apiKey: key });
    expect(missing.status).toBe(404);
  });

  it("hides another workspace's app behind the API's 404", async () => {
    const { status, body } = await getJson(
      mock.url,
      `/apps/${SEED.apps.notebook.appId}/revisions`,
      { apiKey: key },
    );
    expect(status).toBe(404);
    expect(body.detail.message).toBe("App not found");
  });
});
