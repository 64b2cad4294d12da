import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockApp } from "../app";
import { SEED } from "../seed";
import { type RunningMockApi, startMockApi } from "../server";
import { FaultInjector, type FaultRule } from "./faults";
import { type KeyTrap, startKeyTrap } from "./second-origin";

const key = SEED.apiKeys.demo;
const auth = { "X-API-Key": key };

interface RawResult {
  status?: number;
  headers?: IncomingHttpHeaders;
  body: Buffer;
  /** The socket error, if the exchange ended in one. */
  error?: NodeJS.ErrnoException;
}

/** A GET over a fresh connection with node:http, keeping whatever arrived before an error. */
function rawGet(url: string, headers: Record<string, string> = auth): Promise<RawResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const result: RawResult = { body: Buffer.alloc(0) };
    const done = (error?: NodeJS.ErrnoException) => {
      result.body = Buffer.concat(chunks);
      if (error) result.error = error;
      resolve(result);
    };
    const req = httpRequest(url, { headers, agent: false }, (res) => {
      result.status = res.statusCode;
      result.headers = res.headers;
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done());
      res.on("error", (error) => done(error));
    });
    req.on("error", (error) => done(error));
    req.end();
  });
}

function timerCount(): number {
  return process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
}

describe("faults are off by default", () => {
  let mock: RunningMockApi;
  beforeAll(async () => {
    mock = await startMockApi();
  });
  afterAll(() => mock.close());

  it("has no fault state, and setFaults refuses", () => {
    expect(mock.faultLog).toEqual([]);
    expect(() => mock.setFaults([{ path: "/auth/me", steps: [{ status: 503 }] }])).toThrow(
      /faults are off/,
    );
  });

  it("ignores fault-looking headers and query parameters", async () => {
    const tricks: [string, Record<string, string>][] = [
      ["/auth/me", { "X-Mock-Fault": "hang" }],
      ["/auth/me", { "X-Mock-Fault": "drop" }],
      ["/auth/me", { "X-Fault": "503", "X-Mock-Status": "503" }],
      ["/auth/me?fault=hang&status=503&drop=mid-body", {}],
    ];
    for (const [path, headers] of tricks) {
      const response = await fetch(`${mock.url}${path}`, {
        headers: { ...auth, ...headers },
        signal: AbortSignal.timeout(5_000),
      });
      expect(response.status).toBe(200);
      expect((await response.json()).user.username).toBe("alice");
    }
    expect(mock.faultLog).toEqual([]);
  });

  it("createMockApp without faults installs nothing either", async () => {
    const app = createMockApp();
    const response = await app.request("/api/v1/auth/me", {
      headers: { ...auth, "X-Mock-Fault": "503" },
    });
    expect(response.status).toBe(200);
  });
});

describe("rule validation", () => {
  const bad: [string, unknown][] = [
    ["two kinds", { hang: true, delayMs: 5 }],
    ["unknown key", { status: 503, retryAftre: 1 }],
    ["no kind", { body: "x" }],
    ["status out of range", { status: 700 }],
    ["bad drop", { drop: "sometimes" }],
    ["unknown version", { wrongVersion: "2099-01-01" }],
    ["tiny bodyBytes", { bodyBytes: 3 }],
    ["redirect status", { redirect: { location: "http://x.test/", status: 200 } }],
    ["negative delay", { delayMs: -1 }],
  ];
  it.each(bad)("refuses %s", (_, step) => {
    expect(() => new FaultInjector([{ path: "/auth/me", steps: [step as never] }])).toThrow(
      TypeError,
    );
  });

  it("refuses a rule without steps or with a relative path", () => {
    expect(() => new FaultInjector([{ path: "/auth/me", steps: [] }])).toThrow(/non-empty/);
    expect(() => new FaultInjector([{ path: "auth/me", steps: [{ pass: true }] }])).toThrow(/path/);
  });
});

describe("with faults enabled", () => {
  let mock: RunningMockApi;
  let trap: KeyTrap;
  beforeAll(async () => {
    mock = await startMockApi({ faults: [] });
    trap = await startKeyTrap();
  });
  afterEach(() => mock.setFaults([]));
  afterAll(async () => {
    await mock.close();
    await trap.close();
  });

  const me = () => `${mock.url}/auth/me`;
  const get = (url = me(), headers: Record<string, string> = {}) =>
    fetch(url, { headers: { ...auth, ...headers }, signal: AbortSignal.timeout(5_000) });

  it("plays a status sequence, then passes through", async () => {
    mock.setFaults([
      {
        name: "flaky",
        path: "/auth/me",
        steps: [{ status: 503, retryAfter: 1 }, { status: 503 }],
      },
    ]);
    const first = await get();
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.headers.get("x-request-id")).toMatch(/^req_/);
    expect(await first.json()).toEqual({ detail: "Service Unavailable" });
    const second = await get();
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBeNull();
    const third = await get();
    expect(third.status).toBe(200);
    expect((await third.json()).user.username).toBe("alice");
    expect(
      mock.faultLog.map(({ rule, name, step, kind, method, path }) => ({
        rule,
        name,
        step,
        kind,
        method,
        path,
      })),
    ).toEqual([
      { rule: 0, name: "flaky", step: 0, kind: "status", method: "GET", path: "/auth/me" },
      { rule: 0, name: "flaky", step: 1, kind: "status", method: "GET", path: "/auth/me" },
    ]);
  });

  it("sends 429 with an HTTP-date Retry-After, custom headers and bodies, and 465", async () => {
    const when = new Date(Date.UTC(2030, 0, 2, 3, 4, 5));
    mock.setFaults([
      {
        path: "/auth/me",
        steps: [
          { status: 429, retryAfter: when, headers: { "X-RateLimit-Remaining": "0" } },
          { status: 465, body: { detail: "odd" } },
          { status: 503, body: "plain words", headers: { "Retry-After": "120" } },
        ],
      },
    ]);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("Wed, 02 Jan 2030 03:04:05 GMT");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    const odd = await get();
    expect(odd.status).toBe(465);
    expect(await odd.json()).toEqual({ detail: "odd" });
    const plain = await get();
    expect(plain.headers.get("retry-after")).toBe("120");
    expect(plain.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await plain.text()).toBe("plain words");
  });

  it("matches by method, by RegExp and with the /api/v1 prefix; tries rules in order", async () => {
    mock.setFaults([
      { method: "POST", path: "/auth/me", steps: [{ status: 500 }], repeat: true },
      { path: /^\/cvms\//, steps: [{ status: 502 }] },
      { method: ["get"], path: "/api/v1/auth/me", steps: [{ status: 504 }] },
      { path: "/auth/me", steps: [{ status: 408 }] },
    ]);
    expect((await get()).status).toBe(504);
    expect((await get()).status).toBe(408);
    expect((await get()).status).toBe(200);
    expect((await get(`${mock.url}/cvms/paginated`)).status).toBe(502);
    expect((await get(`${mock.url}/cvms/paginated`)).status).toBe(200);
    const post = await fetch(me(), { method: "POST", headers: auth });
    expect(post.status).toBe(500);
    expect(mock.faultLog.map((hit) => hit.rule)).toEqual([2, 3, 1, 0]);
  });

  it("repeat keeps the last step; setFaults starts over and empties the log", async () => {
    mock.setFaults([{ path: "/auth/me", steps: [{ status: 503 }, { status: 502 }], repeat: true }]);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await get()).status);
    expect(statuses).toEqual([503, 502, 502, 502]);
    expect(mock.faultLog.map((hit) => hit.step)).toEqual([0, 1, 1, 1]);
    mock.setFaults([{ path: "/auth/me", steps: [{ status: 503 }, { status: 502 }] }]);
    expect(mock.faultLog).toEqual([]);
    expect((await get()).status).toBe(503);
  });

  it("hands steps to concurrent requests one each", async () => {
    mock.setFaults([{ path: "/auth/me", steps: [{ status: 503 }, { status: 502 }] }]);
    const statuses = (await Promise.all([get(), get(), get()])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 502, 503]);
  });

  it("delays, then answers normally", async () => {
    mock.setFaults([{ path: "/auth/me", steps: [{ delayMs: 150 }] }]);
    const started = performance.now();
    const response = await get();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(200);
    expect((await response.json()).user.username).toBe("alice");
  });

  it("hangs until the client aborts, and the mock keeps serving", async () => {
    mock.setFaults([{ path: "/auth/me", steps: [{ hang: true }] }]);
    const started = performance.now();
    await expect(
      fetch(me(), { headers: auth, signal: AbortSignal.timeout(200) }),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(mock.faultLog.map((hit) => hit.kind)).toEqual(["hang"]);
    expect((await get()).status).toBe(200);
  });

  it("drops the connection before any byte", async () => {
    mock.setFaults([
      { path: "/auth/me", steps: [{ drop: "before-response" }, { drop: "before-response" }] },
    ]);
    const raw = await rawGet(me());
    expect(raw.status).toBeUndefined();
    expect(raw.body.length).toBe(0);
    expect(raw.error?.code).toMatch(/ECONNRESET/);
    await expect(get()).rejects.toThrow(TypeError); // fetch failed
    expect((await get()).status).toBe(200);
  });

  it("drops the connection mid-body: headers and part of the body, then a socket error", async () => {
    const full = Buffer.from(await (await get()).arrayBuffer());
    mock.setFaults([{ path: "/auth/me", steps: [{ drop: "mid-body" }, { drop: "mid-body" }] }]);
    const raw = await rawGet(me());
    expect(raw.status).toBe(200);
    expect(Number(raw.headers?.["content-length"])).toBe(full.length);
    expect(raw.body.length).toBe(Math.floor(full.length / 2));
    expect(full.subarray(0, raw.body.length).equals(raw.body)).toBe(true);
    expect(raw.error).toBeDefined();
    expect(raw.error?.code ?? raw.error?.message).toMatch(/ECONNRESET|aborted/);

    const response = await get();
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow(TypeError); // terminated
  });

  it("truncates: a complete response whose JSON is cut in half", async () => {
    const full = await (await get()).text();
    mock.setFaults([{ path: "/auth/me", steps: [{ truncate: true }, { truncate: true }] }]);
    const raw = await rawGet(me());
    expect(raw.error).toBeUndefined();
    expect(raw.status).toBe(200);
    expect(raw.body.toString()).toBe(full.slice(0, Math.floor(full.length / 2)));
    expect(Number(raw.headers?.["content-length"])).toBe(raw.body.length);
    const response = await get();
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("sends an HTML error page", async () => {
    mock.setFaults([{ path: "/auth/me", steps: [{ html: true }, { html: true, status: 503 }] }]);
    const page = await get();
    expect(page.status).toBe(502);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const text = await page.text();
    expect(text).toMatch(/^<html>/);
    expect(text).toContain("502 Bad Gateway");
    expect((await get()).status).toBe(503);
  });

  it("relabels a JSON body as text/html", async () => {
    mock.setFaults([{ path: "/auth/me", steps: [{ contentType: "text/html" }] }]);
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(JSON.parse(await response.text()).user.username).toBe("alice");
  });

  it("sends an empty 200", async () => {
    mock.setFaults([{ path: "/auth/me", steps: [{ empty: true }] }]);
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("answers in another version's shape under the version asked for", async () => {
    mock.setFaults([{ path: "/auth/me", steps: [{ wrongVersion: "2025-10-28" }] }]);
    const response = await get(me(), { "X-Phala-Version": "2026-01-21" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-phala-version")).toBe("2026-01-21");
    const body = await response.json();
    expect(body.user).toBeUndefined();
    expect(body.username).toBe("alice");
    expect(typeof body.credits).toBe("number");
    // The next request is served in its own version again.
    const normal = await get(me(), { "X-Phala-Version": "2026-01-21" });
    expect((await normal.json()).user.username).toBe("alice");
  });

  it("streams a padded body of the size asked for", async () => {
    const size = 3 * 1024 * 1024 + 7;
    mock.setFaults([
      { path: "/auth/me", steps: [{ bodyBytes: size }, { bodyBytes: 100, contentLength: true }] },
    ]);
    const big = await get();
    expect(big.status).toBe(200);
    expect(big.headers.get("content-length")).toBeNull();
    expect(big.headers.get("content-type")).toBe("application/json");
    const text = await big.text();
    expect(text.length).toBe(size);
    expect(JSON.parse(text).padding).toHaveLength(size - 14);
    const small = await get();
    expect(small.headers.get("content-length")).toBe("100");
    expect((await small.text()).length).toBe(100);
  });

  it("redirects to another origin, whose trap records the key a naive client forwards", async () => {
    const location = `${trap.url}/api/v1/auth/me`;
    mock.setFaults([
      {
        path: "/auth/me",
        steps: [{ redirect: { location } }, { redirect: { location, status: 307 } }],
      },
    ]);
    const manual = await fetch(me(), { headers: auth, redirect: "manual" });
    expect(manual.status).toBe(302);
    expect(manual.headers.get("location")).toBe(location);
    expect(trap.received).toEqual([]);

    // fetch drops Authorization across origins but not X-API-Key: the trap sees it.
    const followed = await fetch(me(), { headers: auth, signal: AbortSignal.timeout(5_000) });
    expect(followed.status).toBe(200);
    expect(await followed.json()).toEqual({});
    expect(trap.received).toEqual([{ method: "GET", url: "/api/v1/auth/me", apiKey: key }]);
  });
});

describe("closing a mock with faults in flight", () => {
  it("ends a hang promptly, without leaked timers", async () => {
    const timersBefore = timerCount();
    const mock = await startMockApi({
      faults: [{ path: "/auth/me", steps: [{ hang: true }, { delayMs: 60_000 }] }],
    });
    const hanging = rawGet(`${mock.url}/auth/me`);
    const delayed = rawGet(`${mock.url}/auth/me`);
    // Both requests have reached the mock.
    while (mock.faultLog.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    await mock.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    const [hang, delay] = await Promise.all([hanging, delayed]);
    expect(hang.status).toBeUndefined();
    expect(hang.error?.code).toBe("ECONNRESET");
    expect(delay.status).toBeUndefined();
    expect(delay.error?.code).toBe("ECONNRESET");
    await new Promise((resolve) => setImmediate(resolve));
    expect(timerCount()).toBeLessThanOrEqual(timersBefore);
  });
});

describe("createMockApp({ faults }) without a Node server", () => {
  const rules: FaultRule[] = [
    {
      path: "/auth/me",
      steps: [{ status: 503, retryAfter: 2 }, { drop: "mid-body" }, { wrongVersion: "2025-10-28" }],
    },
  ];

  it("applies the runtime-neutral steps; drop answers 500 saying it needs Node", async () => {
    const faults = new FaultInjector(rules);
    const app = createMockApp({ faults });
    const first = await app.request("/api/v1/auth/me", { headers: auth });
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("2");
    const second = await app.request("/api/v1/auth/me", { headers: auth });
    expect(second.status).toBe(500);
    expect((await second.json()).detail).toMatch(/needs the Node server/);
    const third = await app.request("/api/v1/auth/me", {
      headers: { ...auth, "X-Phala-Version": "2026-01-21" },
    });
    expect(third.headers.get("x-phala-version")).toBe("2026-01-21");
    expect((await third.json()).username).toBe("alice");
    expect(faults.log.map((hit) => hit.kind)).toEqual(["status", "drop", "wrongVersion"]);
  });
});
