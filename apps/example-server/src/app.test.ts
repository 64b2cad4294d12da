// The app in Node, in process (`app.request()`), against the mock API on 127.0.0.1.

import { type RunningMockApi, SEED, startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseClient } from "#sdk";
import { createStatusApp } from "./app";
import { MOCK_DEMO_API_KEY, resolveApiTarget } from "./config";
import { escapeHtml, safeHref } from "./page";
import { type Captured, capture, expectSecretAbsent } from "./test-support";
import type { AccountResponse, CvmListResponse, CvmResponse } from "./view";

const API_KEY = SEED.apiKeys.demo;

let mock: RunningMockApi;
let strictMock: RunningMockApi;
const seen: Captured[] = [];
const requestedPaths: string[] = [];

/** Pages of 4 make `/api/cvms` walk several pages of `GET /cvms/paginated`. */
function makeApp(overrides: { apiKey?: string; baseURL?: string } = {}) {
  const apiKey = overrides.apiKey ?? API_KEY;
  const client = createBaseClient({
    apiKey,
    baseURL: overrides.baseURL ?? mock.url,
    timeout: 5_000,
    fetch: (input, init) => {
      requestedPaths.push(new URL(String(input)).pathname);
      return fetch(input, init);
    },
  });
  return createStatusApp({ client, source: "test mock", pageSize: 4, secrets: [apiKey] });
}

async function get(app: ReturnType<typeof makeApp>, path: string): Promise<Captured> {
  const result = await capture(await app.request(path));
  seen.push(result);
  return result;
}

beforeAll(async () => {
  mock = await startMockApi();
  // Only the demo key is valid here: any other key is a 401.
  strictMock = await startMockApi({ apiKeys: { [API_KEY]: undefined } });
});
afterAll(async () => {
  await Promise.all([mock?.close(), strictMock?.close()]);
});

describe("node > app.request()", () => {
  it("GET /healthz", async () => {
    const res = await get(makeApp(), "/healthz");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ ok: true });
  });

  it("GET /api/cvms lists every CVM of the workspace, across pages", async () => {
    requestedPaths.length = 0;
    const res = await get(makeApp(), "/api/cvms");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const body = JSON.parse(res.text) as CvmListResponse;
    const names = body.cvms.map((cvm) => cvm.name);
    expect(names).toContain("cvm-abc123");
    expect(names).toContain("acme-web-3");
    // The demo key's workspace only: no CVM of another workspace.
    const acme = [...mock.state.cvms.values()].filter(
      (cvm) =>
        cvm.workspaceId ===
        [...mock.state.cvms.values()].find((c) => c.name === "cvm-abc123")!.workspaceId,
    );
    expect(body.total).toBe(acme.length);
    expect(body.cvms).toHaveLength(acme.length);
    expect(new Set(names).size).toBe(names.length);
    // paginate walked every page of 4.
    const pages = requestedPaths.filter((p) => p.endsWith("/cvms/paginated")).length;
    expect(pages).toBe(Math.ceil(acme.length / 4));

    const abc = body.cvms.find((cvm) => cvm.name === "cvm-abc123")!;
    expect(abc).toMatchObject({
      status: "running",
      in_progress: false,
      resources: { instance_type: "tdx.small", vcpu: expect.any(Number) },
      node: { name: "prod5", region: "us-west-1" },
    });
    expect(Object.keys(abc).sort()).toEqual(
      [
        "app_id",
        "app_url",
        "created_at",
        "endpoints",
        "id",
        "in_progress",
        "name",
        "node",
        "resources",
        "status",
      ].sort(),
    );
    expect(abc.endpoints.length).toBeGreaterThan(0);
    expect(abc.endpoints[0]!.app).toMatch(/^https:\/\//);
  });

  it("GET /api/cvms/:id returns one CVM with its live state", async () => {
    const res = await get(makeApp(), "/api/cvms/cvm-abc123");
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as CvmResponse;
    expect(body.cvm).toMatchObject({
      name: "cvm-abc123",
      status: "running",
      node: { name: "prod5" },
    });
    expect(body.cvm.os.name).toMatch(/dstack/);
    expect(body.state).toMatchObject({ status: "running" });
  });

  it("GET /api/cvms/:id of an unknown CVM is a 404 with the SDK error's name and request id", async () => {
    const res = await get(makeApp(), "/api/cvms/no-such-cvm");
    expect(res.status).toBe(404);
    const body = JSON.parse(res.text);
    expect(body.error).toMatchObject({ name: "NotFoundError", upstreamStatus: 404 });
    expect(body.error.requestId).toEqual(expect.any(String));
    expect(body.error.requestId.length).toBeGreaterThan(0);
  });

  it("GET /api/cvms/:id with an id the SDK refuses is a 400, nothing sent", async () => {
    const res = await get(makeApp(), "/api/cvms/%20");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.name).toBe("RequestValidationError");
  });

  it("GET /api/me returns the workspace and its credits", async () => {
    const res = await get(makeApp(), "/api/me");
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as AccountResponse;
    expect(body.workspace).toMatchObject({ name: "Acme Research" });
    expect(body.user.username).toBe("alice");
    expect(body.credits).toEqual({
      balance: expect.any(String),
      granted_balance: expect.any(String),
      is_post_paid: expect.any(Boolean),
      outstanding_amount: body.credits.outstanding_amount === null ? null : expect.any(String),
    });
  });

  it("GET / renders the status page: every CVM, status badges, a strict CSP", async () => {
    const res = await get(makeApp(), "/");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.text).toContain("<h1>Acme Research</h1>");
    for (const name of ["cvm-abc123", "acme-web-2", "acme-web-3"])
      expect(res.text).toContain(`>${name}</a>`);
    expect(res.text).toMatch(/<span class="badge ok">running<\/span>/);
    expect(res.text).toMatch(/<span class="badge off">stopped<\/span>/);
    expect(res.text).toContain("prod5 / us-west-1");
    expect(res.text).not.toContain("<script");
  });

  it("GET / escapes what the API returns", async () => {
    const cvm = [...mock.state.cvms.values()].find((c) => c.name === "acme-web-2")!;
    const original = cvm.name;
    cvm.name = `<script>alert("x")</script>&'`;
    try {
      const res = await get(makeApp(), "/");
      expect(res.status).toBe(200);
      expect(res.text).not.toContain("<script>");
      expect(res.text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
    } finally {
      cvm.name = original;
    }
  });

  it("maps an API rejection to 502 with the SDK error's name and request id, never the key", async () => {
    const wrongKey = "phak_wrong_key_5f1e2d3c4b5a69788796";
    const app = makeApp({ apiKey: wrongKey, baseURL: strictMock.url });
    for (const path of ["/api/cvms", "/api/me", "/api/cvms/cvm-abc123"]) {
      const res = await get(app, path);
      expect(res.status, path).toBe(502);
      const body = JSON.parse(res.text);
      expect(body.error).toMatchObject({ name: "AuthenticationError", upstreamStatus: 401 });
      expect(body.error.requestId).toEqual(expect.any(String));
      expect(res.text).not.toContain(wrongKey);
    }
    const page = await get(app, "/");
    expect(page.status).toBe(502);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.text).toContain("AuthenticationError");
    expect(page.text).not.toContain(wrongKey);
  });

  it("maps an unreachable API to 502 APIConnectionError", async () => {
    const closed = await startMockApi();
    const url = closed.url;
    await closed.close();
    const res = await get(makeApp({ baseURL: url }), "/api/cvms");
    expect(res.status).toBe(502);
    expect(JSON.parse(res.text).error.name).toBe("APIConnectionError");
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await get(makeApp(), "/nope");
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text).error.name).toBe("NotFound");
  });

  it("the API key appears in no response (status, headers, body)", () => {
    expectSecretAbsent(seen, API_KEY);
  });
});

describe("configuration and escaping helpers", () => {
  it("the embedded default key is the mock's demo key", () => {
    expect(MOCK_DEMO_API_KEY).toBe(SEED.apiKeys.demo);
  });

  it("resolves the API target from the two variables", () => {
    expect(resolveApiTarget({})).toEqual({ kind: "embedded-mock" });
    expect(resolveApiTarget({ PHALA_CLOUD_API_KEY: " ", PHALA_CLOUD_API_PREFIX: "" })).toEqual({
      kind: "embedded-mock",
    });
    expect(resolveApiTarget({ PHALA_CLOUD_API_PREFIX: "http://127.0.0.1:1/api/v1" })).toEqual({
      kind: "mock",
      apiKey: MOCK_DEMO_API_KEY,
      baseURL: "http://127.0.0.1:1/api/v1",
    });
    expect(resolveApiTarget({ PHALA_CLOUD_API_KEY: "k" })).toEqual({
      kind: "api",
      apiKey: "k",
      baseURL: undefined,
    });
  });

  it("escapes HTML and links only http(s) URLs", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
    expect(safeHref("javascript:alert(1)")).toBeUndefined();
    expect(safeHref("not a url")).toBeUndefined();
    expect(safeHref(`https://x.example/?a="b"`)).toBe("https://x.example/?a=%22b%22");
  });
});
