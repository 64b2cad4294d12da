import {
  CvmAppComposeSchema,
  CvmAttestationSchema,
  CvmContainersStatsSchema,
  CvmCurrentStateSchema,
  CvmNetworkSchema,
  CvmSystemInfoSchema,
  CvmUserConfigSchema,
} from "@phala/cloud-schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

const NOW = new Date("2026-03-05T10:00:10.000Z");
const key = SEED.apiKeys.demo;
const running = SEED.exampleCvm;
const stopped = SEED.mainWorkspaceCvms.find((cvm) => cvm.status === "stopped")!;
let api: RunningMockApi;

beforeAll(async () => {
  api = await startMockApi({ now: () => NOW });
});
afterAll(() => api.close());

const views = [
  ["state", CvmCurrentStateSchema],
  ["stats", CvmSystemInfoSchema],
  ["network", CvmNetworkSchema],
  ["composition", CvmContainersStatsSchema],
  ["attestation", CvmAttestationSchema],
  ["user_config", CvmUserConfigSchema],
  ["compose_file", CvmAppComposeSchema],
] as const;

describe.each(views)("GET /cvms/{id}/%s", (view, schema) => {
  it("answers the contract's shape for every id form", async () => {
    for (const id of [running.id, running.name, running.vmUuid, `app_${running.appId}`]) {
      const response = await getJson(api.url, `/cvms/${id}/${view}`, { apiKey: key });
      expect(response.status).toBe(200);
      // The SDK accepts it; the contract is the reference for its shape.
      expect(schema.safeParse(response.body).success).toBe(true);
      expect(contractMismatches(`GET /cvms/{cvm_id}/${view}`, response.body)).toEqual([]);
    }
  });

  it("404s with ERR-03-001 for an unknown or foreign CVM", async () => {
    for (const id of ["no-such-cvm", SEED.otherWorkspaceCvms[0]!.id]) {
      const response = await getJson(api.url, `/cvms/${id}/${view}`, { apiKey: key });
      expect(response.status).toBe(404);
      expect(response.body.detail.error_code).toBe("ERR-03-001");
    }
  });

  it("401s without an API key", async () => {
    const response = await getJson(api.url, `/cvms/${running.id}/${view}`);
    expect(response.status).toBe(401);
    expect(response.body.detail.message).toBe("Invalid or missing API key");
  });
});

describe("live views", () => {
  it("a running CVM is online with its figures", async () => {
    const stats = (await getJson(api.url, `/cvms/${running.id}/stats`, { apiKey: key })).body;
    expect(stats.is_online).toBe(true);
    expect(stats.sysinfo.num_cpus).toBe(1);
    expect(stats.sysinfo.uptime).toBeGreaterThan(0);
    const containers = (await getJson(api.url, `/cvms/${running.id}/composition`, { apiKey: key }))
      .body;
    expect(containers.containers.map((c: { image: string }) => c.image)).toEqual([
      "nginx:1.27-alpine",
      "ghcr.io/acme-research/web-api:2.4.1",
    ]);
    const state = (await getJson(api.url, `/cvms/${running.id}/state`, { apiKey: key })).body;
    expect(state).toMatchObject({ name: running.name, status: "running", boot_progress: "done" });
  });

  it("a stopped CVM answers 200 with is_online: false and null live data", async () => {
    for (const view of ["stats", "network", "composition", "attestation"]) {
      const response = await getJson(api.url, `/cvms/${stopped.id}/${view}`, { apiKey: key });
      expect(response.status).toBe(200);
      expect(response.body.is_online).toBe(false);
      expect(response.body.error).toBe("CVM is not running");
    }
    const state = (await getJson(api.url, `/cvms/${stopped.id}/state`, { apiKey: key })).body;
    expect(state).toMatchObject({ status: "stopped", uptime: null });
  });
});

describe("text files", () => {
  it("GET /docker-compose.yml is the compose text as text/yaml", async () => {
    const response = await fetch(`${api.url}/cvms/${running.id}/docker-compose.yml`, {
      headers: { "X-API-Key": key },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/yaml");
    const text = await response.text();
    expect(text).toContain("image: nginx:1.27-alpine");
    const info = await getJson(api.url, `/cvms/${running.id}`, { apiKey: key });
    expect(text).toBe(info.body.compose_file.docker_compose_file);
  });

  it("GET /pre-launch-script is empty text for a CVM without one", async () => {
    const response = await fetch(`${api.url}/cvms/${running.id}/pre-launch-script`, {
      headers: { "X-API-Key": key },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toBe("");
  });

  it.each(["docker-compose.yml", "pre-launch-script"])("%s 404s as JSON", async (file) => {
    const response = await getJson(api.url, `/cvms/nope/${file}`, { apiKey: key });
    expect(response.status).toBe(404);
    expect(response.body.detail.error_code).toBe("ERR-03-001");
  });
});

describe("GET /cvms/{id}/state with Accept: text/event-stream", () => {
  it("is left to the event-stream route, not answered with the JSON snapshot", async () => {
    const controller = new AbortController();
    const response = await fetch(`${api.url}/cvms/${running.id}/state?target=running`, {
      headers: { "X-API-Key": key, Accept: "text/event-stream" },
      signal: controller.signal,
    });
    const type = response.headers.get("content-type") ?? "";
    controller.abort();
    await response.body?.cancel().catch(() => {});
    expect(response.status === 200 && type.includes("application/json")).toBe(false);
  });
});
