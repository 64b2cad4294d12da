import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockApp } from "../app";
import { SEED } from "../seed";
import { type RunningMockApi, startMockApi } from "../server";
import type { ApiVersion } from "../versions/chain";
import { resolveApiVersion } from "./negotiation";
import { getJson } from "./test-support";

const UNAUTHORIZED_BODY = {
  detail: {
    message: "Invalid or missing API key",
    details: [],
    suggestions: ["Pass your API key in the X-API-Key header"],
    links: [],
  },
};

describe("resolveApiVersion", () => {
  it("prefers the header, then the key's default, then the server default", () => {
    expect(resolveApiVersion("2025-10-28", "2026-01-21")).toEqual({
      ok: true,
      version: "2025-10-28",
    });
    expect(resolveApiVersion(undefined, "2025-10-28")).toEqual({ ok: true, version: "2025-10-28" });
    expect(resolveApiVersion("  ", "2025-10-28")).toEqual({ ok: true, version: "2025-10-28" });
    expect(resolveApiVersion(undefined, undefined)).toEqual({ ok: true, version: "2026-01-21" });
  });

  it("reads latest in any case as the newest version", () => {
    expect(resolveApiVersion("LaTeSt", "2025-10-28")).toEqual({ ok: true, version: "2026-06-23" });
  });

  it("refuses an unknown version", () => {
    expect(resolveApiVersion("2099-01-01", undefined)).toEqual({
      ok: false,
      requested: "2099-01-01",
      version: "2026-01-21",
    });
  });
});

describe("with an explicit key list", () => {
  let api: RunningMockApi;
  beforeAll(async () => {
    api = await startMockApi({ apiKeys: { k1: "2025-10-28", k2: undefined } });
  });
  afterAll(() => api.close());

  const cases: { key: string; header?: string; expected: ApiVersion }[] = [
    { key: "k1", expected: "2025-10-28" },
    { key: "k1", header: "2026-01-21", expected: "2026-01-21" },
    { key: "k1", header: "LaTeSt", expected: "2026-06-23" },
    { key: "k1", header: "2026-05-22", expected: "2026-05-22" },
    { key: "k2", expected: "2026-01-21" },
    { key: "k2", header: "2025-10-28", expected: "2025-10-28" },
    { key: "k2", header: "latest", expected: "2026-06-23" },
  ];

  it.each(cases)("key $key with header $header is served $expected", async (c) => {
    const response = await getJson(api.url, "/auth/me", { apiKey: c.key, version: c.header });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-phala-version")).toBe(c.expected);
    if (c.expected === "2025-10-28") expect(response.body).toHaveProperty("team_name");
    else expect(response.body).toHaveProperty("workspace");
  });

  it("refuses an unknown version with 400 and the supported list", async () => {
    const response = await getJson(api.url, "/auth/me", { apiKey: "k1", version: "2099-01-01" });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      detail: {
        message:
          "Unsupported API version '2099-01-01'. Supported versions: 2025-10-28, 2026-01-21, 2026-05-22, 2026-06-23",
        details: [{ field: "X-Phala-Version", value: "2099-01-01", message: null }],
        suggestions: [expect.any(String)],
        links: [],
      },
    });
    // The error is labelled with the version the key would otherwise get.
    expect(response.headers.get("x-phala-version")).toBe("2025-10-28");
  });

  it("refuses a missing key with 401", async () => {
    const response = await getJson(api.url, "/auth/me");
    expect(response.status).toBe(401);
    expect(response.body).toEqual(UNAUTHORIZED_BODY);
    expect(response.headers.get("x-phala-version")).toBe("2026-01-21");
  });

  it("refuses a key not in the list, even the demo key", async () => {
    for (const apiKey of ["k3", SEED.apiKeys.demo]) {
      const response = await getJson(api.url, "/cvms/paginated", { apiKey });
      expect(response.status).toBe(401);
      expect(response.body).toEqual(UNAUTHORIZED_BODY);
    }
  });
});

describe("without a key list", () => {
  let api: RunningMockApi;
  beforeAll(async () => {
    api = await startMockApi();
  });
  afterAll(() => api.close());

  it("accepts any non-empty key, served the server default", async () => {
    const response = await getJson(api.url, "/auth/me", { apiKey: "anything-goes" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-phala-version")).toBe("2026-01-21");
    // An unlisted key acts as the demo identity.
    expect(response.body.user.username).toBe("alice");
  });

  it("refuses an empty key", async () => {
    const response = await getJson(api.url, "/auth/me", { apiKey: "" });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(UNAUTHORIZED_BODY);
  });

  it("gives every response a distinct request id and the version header", async () => {
    const responses = await Promise.all([
      getJson(api.url, "/auth/me", { apiKey: "x" }),
      getJson(api.url, "/auth/me"),
      getJson(api.url, "/no/such/route", { apiKey: "x" }),
      getJson(api.url, "/cvms/paginated?page=0", { apiKey: "x" }),
    ]);
    const ids = responses.map((response) => response.headers.get("x-request-id"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const response of responses) {
      expect(response.headers.get("x-phala-version")).toBe("2026-01-21");
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    }
  });

  it("answers an unknown route with FastAPI's 404, key or not", async () => {
    for (const apiKey of ["x", undefined]) {
      const response = await getJson(api.url, "/cvms/abc/nope", { apiKey });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: "Not Found" });
    }
    const outside = await fetch(api.url.replace("/api/v1", "/elsewhere"));
    expect(outside.status).toBe(404);
    expect(await outside.json()).toEqual({ detail: "Not Found" });
  });
});

describe("createMockApp", () => {
  it("rejects an unknown default version in apiKeys", () => {
    expect(() => createMockApp({ apiKeys: { k: "2024-01-01" as ApiVersion } })).toThrow(TypeError);
  });

  it("serves through fetch alone, with no server", async () => {
    const app = createMockApp();
    const response = await app.request("/api/v1/auth/me", {
      headers: { "X-API-Key": SEED.apiKeys.demo, "X-Phala-Version": "2025-10-28" },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { username: string }).username).toBe("alice");
  });
});
