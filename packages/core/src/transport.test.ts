/// <reference types="node" />

import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser, getCvmInfo } from "./actions";
import { createBaseClient } from "./client";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  PhalaCloudError,
  RequestValidationError,
  ResponseValidationError,
} from "./errors";
import {
  actionCases,
  currentUserV20251028,
  currentUserV20260121,
  fakeFetch,
  hangingFetch,
  TEST_API_KEY,
  TEST_BASE_URL,
  trackAbortListeners,
  validBodies,
} from "./test-utils";
import { buildURL } from "./transport";
import { resolveApiVersion } from "./versions";

/** The version in package.json, which the User-Agent carries. */
const PACKAGE_VERSION: string = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).version;

/** Answers each call with the valid body of the endpoint for the version it was sent. */
function versionAwareFetch(endpoint: keyof (typeof validBodies)["2026-01-21"]) {
  return fakeFetch((call) => ({
    body: validBodies[resolveApiVersion(call.headers["x-phala-version"])][endpoint](),
    headers: { "x-request-id": "req_1" },
  }));
}

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("headers", () => {
  describe.each(actionCases)("$name", ({ name, call }) => {
    it("sends the client's version, the API key, accept and a user-agent", async () => {
      const fake = versionAwareFetch(name);
      const client = createBaseClient({
        apiKey: TEST_API_KEY,
        baseURL: TEST_BASE_URL,
        version: "2025-10-28",
        fetch: fake.fetch,
      });
      await call(client);
      expect(fake.calls).toHaveLength(1);
      const headers = fake.calls[0]!.headers;
      expect(headers["x-phala-version"]).toBe("2025-10-28");
      expect(headers["x-api-key"]).toBe(TEST_API_KEY);
      expect(headers.accept).toBe("application/json");
      expect(headers["user-agent"]).toBe(`phala-cloud-sdk-ts/${PACKAGE_VERSION}`);
      expect(headers["content-type"]).toBeUndefined();
    });

    it("sends LATEST as the newest version's date and validates with its schema", async () => {
      const fake = versionAwareFetch(name);
      const client = createBaseClient({
        apiKey: TEST_API_KEY,
        baseURL: TEST_BASE_URL,
        version: "LaTeSt",
        fetch: fake.fetch,
      });
      const data = await call(client);
      expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-06-23");
      expect(data).toMatchObject(validBodies["2026-06-23"][name]() as object);
      // Per call too.
      await call(
        createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL, fetch: fake.fetch }),
        {
          version: "latest",
        },
      );
      expect(fake.calls[1]!.headers["x-phala-version"]).toBe("2026-06-23");
    });

    it("does not let config or per-call headers replace X-Phala-Version or X-API-Key", async () => {
      const fake = versionAwareFetch(name);
      const client = createBaseClient({
        apiKey: TEST_API_KEY,
        baseURL: TEST_BASE_URL,
        fetch: fake.fetch,
        headers: { "X-Phala-Version": "2025-10-28", "x-api-key": "other", "X-Trace-Id": "t-1" },
      });
      const data = await call(client, {
        headers: { "X-Phala-Version": "2025-10-28", "X-API-KEY": "other", "x-request-tag": "r-2" },
      });
      const headers = fake.calls[0]!.headers;
      expect(headers["x-phala-version"]).toBe("2026-01-21");
      expect(headers["x-api-key"]).toBe(TEST_API_KEY);
      expect(headers["x-trace-id"]).toBe("t-1");
      expect(headers["x-request-tag"]).toBe("r-2");
      expect(data).toMatchObject(validBodies["2026-01-21"][name]() as object);
    });

    it("sends a per-call version and validates with that version's schema", async () => {
      const fake = versionAwareFetch(name);
      const client = createBaseClient({
        apiKey: TEST_API_KEY,
        baseURL: TEST_BASE_URL,
        fetch: fake.fetch,
      });
      const data = await call(client, { version: "2025-10-28" });
      expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2025-10-28");
      expect(data).toMatchObject(validBodies["2025-10-28"][name]() as object);
      expect(client.version).toBe("2026-01-21");
    });
  });

  it("a per-call version selects the schema: a 2026 body fails a 2025-10-28 call", async () => {
    const fake = fakeFetch({ body: currentUserV20260121() });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const error = await getCurrentUser(client, {}, { version: "2025-10-28" }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.apiVersion).toBe("2025-10-28");
  });

  it("a per-call version result is the 2025 shape", async () => {
    const fake = fakeFetch({ body: currentUserV20251028() });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const user = await getCurrentUser(client, {}, { version: "2025-10-28" });
    expect(user.team_name).toBe("Acme");
    expect(user.credits).toBe(12.5);
  });

  it("sends no X-API-Key when there is no key in config or environment", async () => {
    const fake = fakeFetch({ body: currentUserV20260121() });
    const client = createBaseClient({ baseURL: TEST_BASE_URL, fetch: fake.fetch });
    await getCurrentUser(client);
    expect(fake.calls[0]!.headers).not.toHaveProperty("x-api-key");
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-01-21");
  });

  it("a custom x-api-key header does not smuggle a key into a client without one", async () => {
    const fake = fakeFetch({ body: currentUserV20260121() });
    const client = createBaseClient({
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      headers: { "X-API-Key": "from-config" },
    });
    await getCurrentUser(client, {}, { headers: { "x-api-key": "from-call" } });
    expect(fake.calls[0]!.headers).not.toHaveProperty("x-api-key");
  });

  it("client.request sends a JSON body with content-type and the SDK headers", async () => {
    const fake = fakeFetch({ status: 201, body: { ok: true } });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const data = await client.request({ method: "POST", path: "/cvms", body: { name: "a" } });
    expect(data).toEqual({ ok: true });
    const sent = fake.calls[0]!;
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe(`${TEST_BASE_URL}/cvms`);
    expect(sent.body).toEqual({ name: "a" });
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.headers["x-api-key"]).toBe(TEST_API_KEY);
    expect(sent.headers["x-phala-version"]).toBe("2026-01-21");
  });
});

describe("buildURL", () => {
  it("joins base and path whatever the trailing slashes of the base", () => {
    expect(buildURL("https://x.test/api/v1", "/auth/me")).toBe("https://x.test/api/v1/auth/me");
    expect(buildURL("https://x.test/api/v1/", "/auth/me")).toBe("https://x.test/api/v1/auth/me");
    expect(buildURL("https://x.test/api/v1//", "/auth/me")).toBe("https://x.test/api/v1/auth/me");
  });

  it("repeats array values, stringifies booleans and numbers, skips null and undefined", () => {
    const url = new URL(
      buildURL("https://x.test/api/v1", "/apps", {
        status: ["running", "stopped"],
        listed: false,
        page: 2,
        search: "a b&c",
        node: undefined,
        region: null,
      }),
    );
    expect(url.pathname).toBe("/api/v1/apps");
    expect(url.searchParams.getAll("status")).toEqual(["running", "stopped"]);
    expect(url.searchParams.get("listed")).toBe("false");
    expect(url.searchParams.get("page")).toBe("2");
    expect(url.searchParams.get("search")).toBe("a b&c");
    expect(url.searchParams.has("node")).toBe(false);
    expect(url.searchParams.has("region")).toBe(false);
  });
});

describe("the request as built without a URL parse or a Headers object", () => {
  const bases = [
    "https://api.phala.test/api/v1",
    "https://api.phala.test/api/v1//",
    "https://api.phala.test",
    // Not in the parser's own form: these go through the parser every time.
    "https://API.phala.test:443/api/v1",
    "https://api.phala.test/api v1",
    "https://api.phala.test/api?k=1",
    "https://api.phala.test/api#f",
  ];
  const paths = [
    "/auth/me",
    "/cvms/cvm_9xK2mQ7tLp",
    `/apps/${encodeURIComponent("a b/c'd(e)!*")}`,
    "/a//b/",
    "/a/./b",
    "/a/../b",
    "/a/%2E%2e/b",
    "/a/.%2e",
    "/a/..b/.c",
    "/a b",
    "/a?b=1",
    "/a#b",
    "/ünï",
    "/a\\b",
    "/a{b}",
    "/it's/(all)/*plain*:@=;,+$!~",
    "/a.b/c%41",
  ];
  const queries = [
    undefined,
    {},
    { page: 2, status: ["running", "stopped"], search: "a b&c=é", node: undefined, region: null },
  ];

  it("sends the URL that buildURL gives, for every base, path and query", async () => {
    for (const baseURL of bases) {
      const fake = fakeFetch({ body: {} });
      const client = createBaseClient({ apiKey: TEST_API_KEY, baseURL, fetch: fake.fetch });
      for (const path of paths) {
        for (const query of queries) {
          await client.request({ path, query });
          expect(fake.calls.at(-1)?.url, `${baseURL} ${path}`).toBe(buildURL(baseURL, path, query));
        }
      }
    }
  });

  it("fetch gets a plain record: names lower-cased, a call's header over the client's, the SDK's own last", async () => {
    let sent: RequestInit | undefined;
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: async (_url, init) => {
        sent = init;
        return new Response("{}", { headers: { "content-type": "application/json" } });
      },
      headers: {
        "X-Trace-Id": " t-1 ",
        Accept: "application/vnd.test+json",
        "X-Phala-Version": "x",
      },
    });
    await client.request({
      path: "/x",
      headers: { "x-trace-id": "t-2", "User-Agent": "mine/1", "X-API-Key": "other" },
    });
    expect(sent?.headers).not.toBeInstanceOf(Headers);
    expect(sent?.headers).toEqual({
      accept: "application/vnd.test+json",
      "user-agent": "mine/1",
      "x-trace-id": "t-2",
      "x-phala-version": "2026-01-21",
      "x-api-key": TEST_API_KEY,
    });
    await client.request({ path: "/x" });
    // Trimmed as a Headers object trims it; the previous call's headers did not stick.
    expect(sent?.headers).toMatchObject({
      "x-trace-id": "t-1",
      "user-agent": /^phala-cloud-sdk-ts\//,
    });
  });

  it("a header value that a Headers object refuses is refused before fetch, from config or call", async () => {
    const fake = fakeFetch({ body: {} });
    const badConfig = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      headers: { "x-bad": "a\nb" },
    });
    await expect(getCurrentUser(badConfig)).rejects.toThrow(TypeError);
    const good = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    await expect(getCurrentUser(good, {}, { headers: { "x-bad": "a\rb" } })).rejects.toThrow(
      TypeError,
    );
    expect(fake.calls).toHaveLength(0);
  });

  it("a hook that edits its copy of the headers changes nothing that is sent", async () => {
    const fake = fakeFetch({ body: currentUserV20260121() });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      hooks: {
        onRequest: (event) => {
          expect(event.headers["x-api-key"]).toBe("phak_…wxyz");
          event.headers["x-api-key"] = "changed";
          event.headers["x-phala-version"] = "changed";
        },
      },
    });
    await getCurrentUser(client);
    await getCurrentUser(client);
    for (const call of fake.calls) {
      expect(call.headers["x-api-key"]).toBe(TEST_API_KEY);
      expect(call.headers["x-phala-version"]).toBe("2026-01-21");
    }
  });
});

describe("requests that cannot be sent", () => {
  it("a per-call timeout that is not milliseconds >= 0 is refused before fetch", async () => {
    const fake = fakeFetch({ body: {} });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    for (const timeout of [-1, Number.NaN, "10" as unknown as number]) {
      const error = await getCvmInfo(client, { id: "cvm_1" }, { timeout }).catch((e) => e);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error.issues).toEqual([{ path: "timeout", message: "expected milliseconds >= 0" }]);
    }
    expect(fake.calls).toHaveLength(0);
  });

  it("a body JSON cannot encode is a RequestValidationError, not a TypeError", async () => {
    const fake = fakeFetch({ body: {} });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const error = (await client
      .request({ method: "POST", path: "/x", body: { n: 1n } })
      .catch((e: unknown) => e)) as RequestValidationError;
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.issues[0]?.path).toBe("body");
    expect(fake.calls).toHaveLength(0);
  });
});

describe("transport failures (fake fetch)", () => {
  it("a rejecting fetch becomes APIConnectionError with the cause kept", async () => {
    const cause = new TypeError("fetch failed: getaddrinfo ENOTFOUND api.phala.test");
    const controller = new AbortController();
    const tracker = trackAbortListeners(controller.signal);
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: async () => {
        throw cause;
      },
    });
    const error = await getCvmInfo(client, { id: "cvm_1" }, { signal: controller.signal }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.cause).toBe(cause);
    expect(error.message).toContain("ENOTFOUND");
    expect(error.endpoint).toBe("getCvmInfo");
    expect(error.method).toBe("GET");
    expect(error.path).toBe("/cvms/cvm_1");
    expect(error.apiVersion).toBe("2026-01-21");
    expect(tracker.added).toBe(1);
    expect(tracker.live).toBe(0);
  });

  it("a caller signal aborted mid-request gives APIUserAbortError and leaves no listener", async () => {
    const fake = hangingFetch();
    const controller = new AbortController();
    const tracker = trackAbortListeners(controller.signal);
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const pending = getCurrentUser(client, {}, { signal: controller.signal }).catch((e) => e);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    expect(fake.calls[0]!.signal?.aborted).toBe(false);
    const reason = new Error("user navigated away");
    controller.abort(reason);
    const error = await pending;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect(error.name).toBe("APIUserAbortError");
    expect(error.cause).toBe(reason);
    expect(error.endpoint).toBe("getCurrentUser");
    expect(fake.calls[0]!.signal?.aborted).toBe(true);
    expect(tracker.added).toBe(1);
    expect(tracker.live).toBe(0);
  });

  it("an already-aborted signal rejects without calling fetch or adding a listener", async () => {
    const fake = fakeFetch({ body: currentUserV20260121() });
    const controller = new AbortController();
    controller.abort();
    const tracker = trackAbortListeners(controller.signal);
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const error = await getCurrentUser(client, {}, { signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(fake.calls).toHaveLength(0);
    expect(tracker.live).toBe(0);
  });

  it("a successful call leaves no listener on the caller's signal", async () => {
    const fake = fakeFetch({ body: currentUserV20260121() });
    const controller = new AbortController();
    const tracker = trackAbortListeners(controller.signal);
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    await getCurrentUser(client, {}, { signal: controller.signal });
    expect(tracker.added).toBe(1);
    expect(tracker.live).toBe(0);
    // The fetch got the SDK's own signal, not the caller's.
    expect(fake.calls[0]!.signal).not.toBe(controller.signal);
    expect(fake.calls[0]!.redirect).toBe("manual");
  });

  it("a timeout with a fake fetch gives APIConnectionTimeoutError carrying the timeout", async () => {
    const fake = hangingFetch();
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      timeout: 40,
    });
    const error = await getCurrentUser(client).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.timeout).toBe(40);
    expect(error.message).toContain("40 ms");
  });

  it("without a caller signal, fetch still gets one, and the attempt's timeout aborts it", async () => {
    const fake = hangingFetch();
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      timeout: 40,
      maxRetries: 0,
    });
    const error = await getCurrentUser(client).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.signal?.aborted).toBe(true);
  });

  it.each([
    [204, null],
    [200, ""],
  ])(
    "status %i with an empty body gives undefined data with schema: false",
    async (status, raw) => {
      const fake = fakeFetch({ status, raw });
      const client = createBaseClient({
        apiKey: TEST_API_KEY,
        baseURL: TEST_BASE_URL,
        fetch: fake.fetch,
      });
      await expect(getCurrentUser(client, {}, { schema: false })).resolves.toBeUndefined();
      await expect(client.request({ path: "/auth/me" })).resolves.toBeUndefined();
    },
  );

  it("a 2xx body that is not JSON is returned as text with schema: false", async () => {
    const fake = fakeFetch({ raw: "pong", headers: { "content-type": "text/plain" } });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    await expect(client.request({ path: "/ping" })).resolves.toBe("pong");
  });
});

// --- Real sockets ------------------------------------------------------------

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Recorded {
  url: string | undefined;
  method: string | undefined;
  headers: IncomingMessage["headers"];
}

const servers: Server[] = [];

async function startServer(handler: Handler): Promise<{ origin: string; requests: Recorded[] }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url, method: req.method, headers: req.headers });
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests };
}

describe("transport failures (real sockets)", () => {
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  });

  it("a refused connection gives APIConnectionError with the cause", async () => {
    const { origin } = await startServer(() => {});
    const server = servers.pop()!;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const controller = new AbortController();
    const tracker = trackAbortListeners(controller.signal);
    const client = createBaseClient({ apiKey: TEST_API_KEY, baseURL: `${origin}/api/v1` });
    const error = await getCurrentUser(client, {}, { signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.path).toBe("/auth/me");
    expect(tracker.live).toBe(0);
  });

  it("a server that never answers times out (per-call timeout) long before a default timeout", async () => {
    const { origin, requests } = await startServer(() => {
      // never answers
    });
    const controller = new AbortController();
    const tracker = trackAbortListeners(controller.signal);
    const client = createBaseClient({ apiKey: TEST_API_KEY, baseURL: `${origin}/api/v1` });
    const started = performance.now();
    const error = await getCurrentUser(
      client,
      {},
      { timeout: 400, maxRetries: 0, signal: controller.signal },
    ).catch((e) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.timeout).toBe(400);
    expect(error.endpoint).toBe("getCurrentUser");
    expect(elapsed).toBeGreaterThanOrEqual(395);
    // A bound, not a speed check: 400 ms is long enough for a loaded machine to
    // deliver the request, and the default timeout (30 s) is far away.
    expect(elapsed).toBeLessThan(10_000);
    expect(requests).toHaveLength(1);
    expect(tracker.added).toBe(1);
    expect(tracker.live).toBe(0);
  });

  it("a caller abort against a real server gives APIUserAbortError", async () => {
    const { origin, requests } = await startServer(() => {});
    const controller = new AbortController();
    const tracker = trackAbortListeners(controller.signal);
    const client = createBaseClient({ apiKey: TEST_API_KEY, baseURL: `${origin}/api/v1` });
    const pending = getCurrentUser(client, {}, { signal: controller.signal }).catch((e) => e);
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(tracker.live).toBe(0);
  });

  it("follows a same-origin redirect and sends the key again", async () => {
    const { origin, requests } = await startServer((req, res) => {
      if (req.url === "/api/v1/auth/me") {
        res.writeHead(302, { location: "/api/v1/auth/me-moved" }).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(currentUserV20260121()));
    });
    const client = createBaseClient({ apiKey: TEST_API_KEY, baseURL: `${origin}/api/v1` });
    const user = await getCurrentUser(client);
    expect(user.user.username).toBe("alice");
    expect(requests.map((r) => r.url)).toEqual(["/api/v1/auth/me", "/api/v1/auth/me-moved"]);
    expect(requests[1]!.headers["x-api-key"]).toBe(TEST_API_KEY);
    expect(requests[1]!.headers["x-phala-version"]).toBe("2026-01-21");
  });

  it("refuses a redirect to another origin; that origin never receives a request", async () => {
    const other = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(currentUserV20260121()));
    });
    const api = await startServer((_req, res) => {
      res.writeHead(302, { location: `${other.origin}/steal` }).end();
    });
    const client = createBaseClient({ apiKey: TEST_API_KEY, baseURL: `${api.origin}/api/v1` });
    const error = await getCurrentUser(client).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain(other.origin);
    expect(error.message).not.toContain(TEST_API_KEY);
    expect(api.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });
});
