import * as coreActions from "@phala/cloud-core/actions";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { allActions, createBaseClient, createClient, getCurrentUser } from "./index";
import { currentUserV20260121, PROXY_VARIABLES, startTestApi, type TestApi } from "./test-utils";

const API_KEY = "phak_test_0123456789abcdef";
let server: TestApi | undefined;

beforeEach(() => {
  for (const name of PROXY_VARIABLES) vi.stubEnv(name, undefined);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

describe("createClient (node preset)", () => {
  it("binds every action of the core", () => {
    const client = createClient({ apiKey: API_KEY }) as unknown as Record<string, unknown>;
    const names = Object.keys(coreActions);
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) expect(typeof client[name], name).toBe("function");
    expect(Object.keys(allActions).sort()).toEqual(names.sort());
  });

  it("sends x-phala-version and x-api-key through undici to the API", async () => {
    server = await startTestApi();
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL });
    // The contract defaults `features` to [] when the API leaves it out.
    await expect(client.getCurrentUser()).resolves.toEqual({
      features: [],
      ...currentUserV20260121(),
    });
    await client.withVersion("2025-10-28").getCurrentUser();
    expect(server.requests.map((r) => [r.url, r.headers["x-phala-version"]])).toEqual([
      ["/api/v1/auth/me", "2026-01-21"],
      ["/api/v1/auth/me", "2025-10-28"],
    ]);
    for (const request of server.requests) {
      expect(request.headers["x-api-key"]).toBe(API_KEY);
      expect(request.headers["user-agent"]).toMatch(/^phala-cloud-sdk-ts\//);
    }
  });

  it("a caller's fetch wins over the node fetch", async () => {
    server = await startTestApi();
    const fetch = vi.fn(
      async (_url: string, _init: RequestInit) =>
        new Response(JSON.stringify(currentUserV20260121()), {
          headers: { "content-type": "application/json" },
        }),
    );
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL, fetch });
    await client.getCurrentUser();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe(`${server.baseURL}/auth/me`);
    expect(new Headers(fetch.mock.calls[0]?.[1].headers).get("x-api-key")).toBe(API_KEY);
    expect(server.requests).toEqual([]);
  });

  it("adapter options stay out of the client's own config", () => {
    const client = createClient({ apiKey: API_KEY, proxy: false, connections: 4 });
    expect(client.toJSON()).toEqual({
      version: "2026-01-21",
      baseURL: "https://cloud-api.phala.com/api/v1",
      timeout: 30_000,
      apiKey: expect.not.stringContaining("0123456789abcdef"),
    });
  });
});

describe("createBaseClient (node preset)", () => {
  it("has no bound actions and sends through undici to the API", async () => {
    server = await startTestApi();
    const client = createBaseClient({ apiKey: API_KEY, baseURL: server.baseURL });
    expect((client as unknown as Record<string, unknown>).getCurrentUser).toBeUndefined();
    const me = await getCurrentUser(client);
    expect(me.user.username).toBe("alice");
    expect(server.requests[0]?.headers["x-api-key"]).toBe(API_KEY);
  });

  it("a caller's fetch wins", async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify(currentUserV20260121()), {
          headers: { "content-type": "application/json" },
        }),
    );
    const client = createBaseClient({ apiKey: API_KEY, baseURL: "http://127.0.0.1:9/api", fetch });
    await getCurrentUser(client);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
