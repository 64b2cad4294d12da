// The Worker entry inside workerd (Miniflare), built by build.mjs with the
// Workers export conditions (workerd, worker, browser). The mock API cannot run
// in a Worker: it runs in Node on 127.0.0.1 and the Worker gets its URL as the
// PHALA_CLOUD_API_PREFIX binding.
import { readFileSync } from "node:fs";
import { type RunningMockApi, startMockApi } from "@phala/cloud-mock-api";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Captured, DIST, expectSecretAbsent } from "./test-support";
import type { AccountResponse, CvmListResponse, CvmResponse } from "./view";

/** What miniflare 4.20260426.0's workerd supports (it refuses dates after its own). */
const COMPATIBILITY_DATE = "2026-04-01";
const API_KEY = "phak_worker_secret_9f8e7d6c5b4a3210";

let mock: RunningMockApi;
const miniflares: Miniflare[] = [];

function worker(bindings: Record<string, string>): Miniflare {
  const mf = new Miniflare({
    modules: true,
    scriptPath: DIST.worker,
    compatibilityDate: COMPATIBILITY_DATE,
    bindings,
  });
  miniflares.push(mf);
  return mf;
}

async function dispatch(mf: Miniflare, path: string): Promise<Captured> {
  const response = await mf.dispatchFetch(`http://status.local${path}`);
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers as unknown as Iterable<[string, string]>),
    text: await response.text(),
  };
}

beforeAll(async () => {
  mock = await startMockApi();
});
afterAll(async () => {
  await Promise.allSettled(miniflares.map((mf) => mf.dispose()));
  await mock?.close();
});

describe("workerd > dist/worker.js in Miniflare", () => {
  it("the bundle imports no Node built-in (no nodejs_compat flag is set)", () => {
    const script = readFileSync(DIST.worker, "utf8");
    expect(script).not.toMatch(/from\s*["']node:|import\(\s*["']node:|require\(\s*["']node:/);
    expect(script).not.toContain("startMockApi");
  });

  it("the bundle links the SDK's edge flavour: valibot schemas, no zod", () => {
    const script = readFileSync(DIST.worker, "utf8");
    expect(script).toContain("valibot");
    expect(script).not.toMatch(/\bzod\b/);
  });

  it("serves every route against the mock API given as bindings", async () => {
    const mf = worker({ PHALA_CLOUD_API_KEY: API_KEY, PHALA_CLOUD_API_PREFIX: mock.url });
    const seen: Captured[] = [];
    const get = async (path: string) => {
      const res = await dispatch(mf, path);
      seen.push(res);
      return res;
    };

    const health = await get("/healthz");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ ok: true });

    const list = await get("/api/cvms");
    expect(list.status).toBe(200);
    const cvms = JSON.parse(list.text) as CvmListResponse;
    expect(cvms.cvms.map((cvm) => cvm.name)).toContain("cvm-abc123");
    expect(cvms.total).toBe(cvms.cvms.length);

    const one = await get("/api/cvms/cvm-abc123");
    expect(one.status).toBe(200);
    expect((JSON.parse(one.text) as CvmResponse).cvm.name).toBe("cvm-abc123");

    const missing = await get("/api/cvms/no-such-cvm");
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text).error).toMatchObject({
      name: "NotFoundError",
      upstreamStatus: 404,
    });

    const me = await get("/api/me");
    expect(me.status).toBe(200);
    expect((JSON.parse(me.text) as AccountResponse).workspace.name).toBe("Acme Research");

    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.text).toContain(">cvm-abc123</a>");

    expectSecretAbsent(seen, API_KEY);
  });

  it("with only PHALA_CLOUD_API_PREFIX, sends the mock's demo key", async () => {
    const mf = worker({ PHALA_CLOUD_API_PREFIX: mock.url });
    const res = await dispatch(mf, "/api/me");
    expect(res.status).toBe(200);
    expect((JSON.parse(res.text) as AccountResponse).user.username).toBe("alice");
  });

  it("with no binding, answers 503 with what to configure (healthz still 200)", async () => {
    const mf = worker({});
    expect((await dispatch(mf, "/healthz")).status).toBe(200);
    const res = await dispatch(mf, "/api/cvms");
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text).error.name).toBe("ConfigurationError");
  });
});
