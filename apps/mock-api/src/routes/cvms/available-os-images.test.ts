import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

const key = SEED.apiKeys.demo;
let api: RunningMockApi;

beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());

describe("GET /cvms/{id}/available-os-images", () => {
  const oracle = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "oracle-us-west")!;
  const devRunner = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "ci-runner-3")!;

  it("offers a production CVM the production images from its own version up", async () => {
    const response = await getJson(api.url, `/cvms/${oracle.id}/available-os-images`, {
      apiKey: key,
    });
    expect(response.status).toBe(200);
    expect(contractMismatches("GET /cvms/{cvm_id}/available-os-images", response.body)).toEqual([]);
    expect(response.body.map((entry: any) => entry.version.join("."))).toEqual(["0.5.3", "0.5.2"]);
    expect(response.body.every((entry: any) => entry.dev === null)).toBe(true);
    expect(response.body[1].prod).toMatchObject({ name: "dstack-0.5.2", is_current: true });
    expect(response.body[0].prod.is_current).toBe(false);
  });

  it("offers a dev CVM both builds, by any of its ids", async () => {
    const response = await getJson(api.url, `/cvms/${devRunner.name}/available-os-images`, {
      apiKey: key,
    });
    expect(response.body).toHaveLength(1);
    expect(response.body[0].dev).toMatchObject({ name: "dstack-dev-0.5.3", is_current: true });
    expect(response.body[0].prod).not.toBeNull();
  });

  it("answers 404 with ERR-03-001 for a CVM of another workspace", async () => {
    const other = SEED.otherWorkspaceCvms[0]!;
    const response = await getJson(api.url, `/cvms/${other.id}/available-os-images`, {
      apiKey: key,
    });
    expect(response.status).toBe(404);
    expect(response.body.detail.error_code).toBe("ERR-03-001");
  });
});
