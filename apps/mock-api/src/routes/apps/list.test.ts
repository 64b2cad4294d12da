import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { API_VERSIONS } from "../../versions/chain";
import { key, mock, useAppsMock } from "./apps.test-support";

useAppsMock();

const get = (path: string, version?: string) =>
  getJson(mock.url, path, { apiKey: SEED.apiKeys.demo, version });

describe("GET /apps/filter-options", () => {
  it("lists the workspace's distinct values, not /apps/:app_id", async () => {
    const { status, body } = await getJson(mock.url, "/apps/filter-options", { apiKey: key });
    expect(status).toBe(200);
    expect(contractMismatches("GET /apps/filter-options", body)).toEqual([]);
    expect(body.nodes).toEqual(["prod5", "prod7", "prod9"]);
    expect(body.statuses).toEqual(["running", "starting", "stopped"]);
    expect(body.kms_types).toEqual(["base", "ethereum", "phala"]);
  });

  it("needs an API key", async () => {
    const { status, body } = await getJson(mock.url, "/apps/filter-options");
    expect(status).toBe(401);
    expect(body.detail.message).toBe("Invalid or missing API key");
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
