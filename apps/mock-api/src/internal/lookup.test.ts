import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "../seed";
import { type RunningMockApi, startMockApi } from "../server";
import { getJson } from "./test-support";

let api: RunningMockApi;
beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());

const get = (path: string) => getJson(api.url, path, { apiKey: SEED.apiKeys.demo });
const example = SEED.exampleCvm;

describe("GET /cvms/{cvm_id} resolves every id form", () => {
  const forms: [string, string][] = [
    ["hashed id", example.id],
    ["dashed VM UUID", example.vmUuid],
    ["dashed VM UUID, upper case", example.vmUuid.toUpperCase()],
    ["VM UUID without dashes", example.vmUuid.replaceAll("-", "")],
    ["instance_<id>", `instance_${example.instanceId}`],
    ["bare instance id", example.instanceId],
    ["name", example.name],
  ];

  it.each(forms)("by %s", async (_form, id) => {
    const response = await get(`/cvms/${encodeURIComponent(id)}`);
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(example.id);
    expect(response.body.name).toBe("cvm-abc123");
  });

  it("by app id (app_<id> or bare): the app's current CVM", async () => {
    const app = await get(`/apps/${example.appId}`);
    const current = app.body.current_cvm.id;
    for (const id of [`app_${example.appId}`, example.appId, example.appId.toUpperCase()]) {
      const response = await get(`/cvms/${id}`);
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(current);
      expect(response.body.app_id).toBe(example.appId);
    }
  });

  it("by every seeded CVM's hashed id, UUID and name", async () => {
    for (const cvm of SEED.mainWorkspaceCvms) {
      for (const id of [cvm.id, cvm.vmUuid, cvm.name]) {
        expect((await get(`/cvms/${id}`)).body.id).toBe(cvm.id);
      }
    }
  });
});

describe("404 bodies", () => {
  it("names the CVM id that was not found", async () => {
    const response = await get("/cvms/no-such-cvm");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      detail: {
        error_code: "ERR-03-001",
        message: "CVM not found",
        details: [{ field: "cvm_id", value: "no-such-cvm", message: null }],
        suggestions: expect.arrayContaining([expect.any(String)]),
        links: [],
      },
    });
  });

  it("is the same in 2025-10-28", async () => {
    const response = await getJson(api.url, `/cvms/app_${"0".repeat(40)}`, {
      apiKey: SEED.apiKeys.demo,
      version: "2025-10-28",
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-phala-version")).toBe("2025-10-28");
    expect(response.body.detail).toMatchObject({
      error_code: "ERR-03-001",
      details: [{ field: "cvm_id", value: `app_${"0".repeat(40)}`, message: null }],
    });
  });

  it("names the app id that was not found", async () => {
    for (const path of [`/apps/${"f".repeat(40)}`, `/apps/0x${"f".repeat(40)}/cvms`]) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        detail: {
          message: "App not found",
          details: [
            { field: "app_id", value: expect.stringContaining("f".repeat(40)), message: null },
          ],
          suggestions: expect.any(Array),
          links: [],
        },
      });
    }
  });
});

describe("GET /apps/{app_id} takes the id with or without a prefix", () => {
  it.each(["", "0x", "app_", "0X"])("prefix %j", async (prefix) => {
    const response = await get(`/apps/${prefix}${SEED.apps.oracle.appId}`);
    expect(response.status).toBe(200);
    expect(response.body.app_id).toBe(SEED.apps.oracle.appId);
    expect(response.body.name).toBe("price-oracle");
  });
});
