import { afterEach, describe, expect, it, vi } from "vitest";
import { type ClientConfig, createBaseClient } from "../../client";
import {
  APIConnectionError,
  APIUserAbortError,
  AuthenticationError,
  NotFoundError,
  PhalaCloudError,
  RateLimitError,
  RequestValidationError,
  ResponseTooLargeError,
} from "../../errors";
import type { RequestEvent } from "../../hooks";
import * as core from "../../index";
import {
  fakeFetch,
  type Responder,
  TEST_API_KEY,
  TEST_BASE_URL,
  trackAbortListeners,
} from "../../test-utils";
import {
  CvmStateWatchTimeoutError,
  MaxRetriesExceededError,
  WatchAbortedError,
} from "../internal/watch-errors";
import { safeWatchCvmState, watchCvmState } from "./watch-cvm-state";

function sse(...events: [string, unknown][]): string {
  return events
    .map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    .join("");
}

function eventStream(text: string, { hang = false } = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // Cut mid-line to prove the parser reassembles chunks.
      const bytes = new TextEncoder().encode(text);
      const middle = Math.floor(bytes.length / 2);
      controller.enqueue(bytes.slice(0, middle));
      controller.enqueue(bytes.slice(middle));
      if (!hang) controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
}

function setup(reply: Responder, config: Partial<ClientConfig> = {}) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    ...config,
  });
  return { fake, client };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("watchCvmState", () => {
  it("sends GET /cvms/{id}/state as an event stream and resolves with the final state", async () => {
    const { fake, client } = setup(() =>
      eventStream(
        sse(
          ["state", { status: "starting", name: "web" }],
          ["ping", {}],
          ["state", { status: "running", name: "web" }],
          ["complete", { status: "running", target: "running", elapsed: 4 }],
        ),
      ),
    );
    const events: string[] = [];
    const state = await watchCvmState(
      client,
      { id: "bf1b6f57-1470-4531-9ad9-22013366635b", target: "running", interval: 5, timeout: 60 },
      { onEvent: (event) => events.push(event.type) },
    );
    expect(state).toMatchObject({ status: "running", name: "web" });
    expect(events).toEqual(["state", "state", "complete"]);
    const call = fake.calls[0]!;
    expect(call.url).toBe(
      `${TEST_BASE_URL}/cvms/bf1b6f57147045319ad922013366635b/state?target=running&interval=5&timeout=60`,
    );
    expect(call.headers).toMatchObject({
      accept: "text/event-stream",
      "x-phala-version": "2026-01-21",
      "x-api-key": TEST_API_KEY,
    });
  });

  it("rejects a timeout event with a typed error carrying the last state", async () => {
    const { client } = setup(() =>
      eventStream(
        sse(
          ["state", { status: "stopped" }],
          ["timeout", { error: "late", target: "running", elapsed: 10 }],
        ),
      ),
    );
    const error = await watchCvmState(client, { id: "c", target: "running" }).catch((e) => e);
    expect(error).toBeInstanceOf(CvmStateWatchTimeoutError);
    expect(error).toMatchObject({
      target: "running",
      elapsed: 10,
      lastState: { status: "stopped" },
    });
  });

  it("reconnects after a drop and a 5xx, a bounded number of times", async () => {
    const { fake, client } = setup((_call, index) =>
      index === 0
        ? eventStream(sse(["state", { status: "starting" }]))
        : index === 1
          ? { status: 503, body: { detail: "busy" } }
          : eventStream(sse(["complete", { status: "running", target: "running", elapsed: 1 }])),
    );
    const state = await watchCvmState(
      client,
      { id: "c", target: "running" },
      { reconnectDelay: 1 },
    );
    expect(state).toMatchObject({ status: "starting" });
    expect(fake.calls).toHaveLength(3);

    const failing = setup(() => ({ status: 502, body: {} }));
    await expect(
      watchCvmState(
        failing.client,
        { id: "c", target: "running" },
        { reconnectDelay: 1, maxReconnects: 2 },
      ),
    ).rejects.toMatchObject({ name: "InternalServerError", status: 502 });
    expect(failing.fake.calls).toHaveLength(3);
  });

  it("a 429 (the API's 5 concurrent streams per user) is a RateLimitError at once, never reconnected", async () => {
    const { fake, client } = setup(() => ({
      status: 429,
      body: { detail: "Too many concurrent streams" },
      headers: { "retry-after": "10" },
    }));
    const error = await watchCvmState(
      client,
      { id: "c", target: "running" },
      { reconnectDelay: 1, maxReconnects: 5 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const limit = error as RateLimitError;
    expect(limit.status).toBe(429);
    expect(limit.retryAfter).toBe(10);
    expect(limit.message).toContain("concurrent");
    expect(limit.message).toContain("5 open streams");
    expect(limit.message).toContain("Too many concurrent streams");
    expect(limit.message).toContain("GET /cvms/c/state");
    expect(limit.endpoint).toBe("watchCvmState");
    expect(fake.calls).toHaveLength(1);
    const safe = await safeWatchCvmState(client, { id: "c", target: "running" });
    expect(safe.error).toBeInstanceOf(RateLimitError);
  });

  it("never reconnects on 401, 403 or 404", async () => {
    for (const [status, type] of [
      [401, AuthenticationError],
      [404, NotFoundError],
    ] as const) {
      const { fake, client } = setup(() => ({
        status,
        body: { detail: { error_code: "ERR", message: "no" } },
      }));
      await expect(
        watchCvmState(client, { id: "c", target: "running" }, { reconnectDelay: 1 }),
      ).rejects.toBeInstanceOf(type);
      expect(fake.calls).toHaveLength(1);
    }
    const forbidden = setup(() => ({ status: 403, body: {} }));
    await expect(
      watchCvmState(forbidden.client, { id: "c", target: "running" }),
    ).rejects.toMatchObject({ status: 403 });
    expect(forbidden.fake.calls).toHaveLength(1);
  });

  it("aborts promptly with APIUserAbortError and leaves no listener or timer", async () => {
    const live = new Set<unknown>();
    const realSet = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => {
      const id = realSet(() => {
        live.delete(id);
        fn();
      }, ms);
      live.add(id);
      return id;
    }) as typeof setTimeout);
    vi.spyOn(globalThis, "clearTimeout").mockImplementation(((
      id: ReturnType<typeof setTimeout>,
    ) => {
      live.delete(id);
      realClear(id);
    }) as typeof clearTimeout);
    const { client } = setup(() =>
      eventStream(sse(["state", { status: "starting" }]), { hang: true }),
    );
    const controller = new AbortController();
    const listeners = trackAbortListeners(controller.signal);
    const watching = watchCvmState(
      client,
      { id: "c", target: "running" },
      {
        signal: controller.signal,
        onEvent: () => controller.abort(),
      },
    );
    await expect(watching).rejects.toBeInstanceOf(APIUserAbortError);
    expect(listeners.added).toBeGreaterThan(0);
    expect(listeners.live).toBe(0);
    expect(live.size).toBe(0);
  });

  it("refuses bad arguments before sending; the safe twin resolves errors", async () => {
    const { fake, client } = setup(() => ({ body: {} }));
    await expect(watchCvmState(client, { id: "c", target: "" })).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    for (const [key, value] of [
      ["interval", -1],
      ["interval", 4],
      ["interval", 31],
      ["interval", 5.5],
      ["timeout", 9],
      ["timeout", 601],
      ["timeout", 30.5],
    ] as const) {
      const error = await watchCvmState(client, {
        id: "c",
        target: "running",
        [key]: value,
      }).catch((e: unknown) => e);
      expect(error, `${key}: ${value}`).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).issues).toEqual([
        {
          path: key,
          message:
            key === "interval"
              ? "expected whole seconds from 5 to 30"
              : "expected whole seconds from 10 to 600",
        },
      ]);
    }
    await expect(
      watchCvmState(client, { id: "c", target: "running", retries: 3 } as never),
    ).rejects.toMatchObject({
      issues: [{ path: "retries" }],
    });
    expect(fake.calls).toHaveLength(0);
    // The bounds themselves are accepted and sent as the query parameters.
    const bounds = setup(() =>
      eventStream(sse(["complete", { status: "running", target: "running", elapsed: 1 }])),
    );
    await watchCvmState(bounds.client, { id: "c", target: "running", interval: 30, timeout: 10 });
    await watchCvmState(bounds.client, { id: "c", target: "running", interval: 5, timeout: 600 });
    expect(bounds.fake.calls.map((call) => new URL(call.url).search)).toEqual([
      "?target=running&interval=30&timeout=10",
      "?target=running&interval=5&timeout=600",
    ]);
    const result = await safeWatchCvmState(client, { id: "c", target: "" });
    expect(result.success).toBe(false);
  });

  it("runs the client's hooks for each connection, reconnection and the final failure, never with the key", async () => {
    const seen: [string, RequestEvent][] = [];
    const record = (name: string) => (event: RequestEvent) => {
      seen.push([name, event]);
    };
    const { client } = setup(
      (_call, index) =>
        index === 0
          ? eventStream(sse(["state", { status: "starting" }]))
          : { status: 503, body: { detail: "busy" }, headers: { "x-request-id": "req-9" } },
      {
        hooks: {
          onRequest: record("onRequest"),
          onResponse: record("onResponse"),
          onRetry: record("onRetry"),
          onError: record("onError"),
        },
      },
    );
    const error = await watchCvmState(
      client,
      { id: "c", target: "running" },
      { reconnectDelay: 1, maxReconnects: 1 },
    ).catch((e) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(seen.map(([name, event]) => `${name}#${event.attempt}`)).toEqual([
      "onRequest#1",
      "onResponse#1",
      "onRetry#1",
      "onRequest#2",
      "onResponse#2",
      "onError#2",
    ]);
    const [, retry] = seen.find(([name]) => name === "onRetry")!;
    expect(retry).toMatchObject({
      endpoint: "watchCvmState",
      method: "GET",
      url: `${TEST_BASE_URL}/cvms/c/state?target=running`,
      error: { name: "APIConnectionError" },
      retryReason: "connection_error",
    });
    expect(retry.delayMs).toBeGreaterThanOrEqual(0);
    const [, failed] = seen.find(([name]) => name === "onError")!;
    expect(failed).toMatchObject({ status: 503, retryReason: "http_503", requestId: "req-9" });
    expect(seen[1]![1]).toMatchObject({ status: 200 });
    const serialized = JSON.stringify(
      seen.map(([, event]) => ({ ...event, error: String(event.error) })),
    );
    expect(serialized).not.toContain(TEST_API_KEY);
    expect(seen[0]![1].headers["x-api-key"]).toMatch(/…/);
  });

  it("stops an event larger than maxResponseBytes, or a line that never ends, with ResponseTooLargeError", async () => {
    const big = setup(() => eventStream(sse(["state", { status: "x".repeat(5000) }])), {
      maxResponseBytes: 1024,
    });
    await expect(
      watchCvmState(big.client, { id: "c", target: "running" }, { reconnectDelay: 1 }),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
    // Not a network failure: the same stream would come again, so no reconnection.
    expect(big.fake.calls).toHaveLength(1);

    let pulls = 0;
    const endless = setup(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulls += 1;
              controller.enqueue(new TextEncoder().encode("data: ".padEnd(600, "y")));
            },
          }),
          { headers: { "content-type": "text/event-stream" } },
        ),
      { maxResponseBytes: 4096 },
    );
    const error = await watchCvmState(endless.client, { id: "c", target: "running" }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limit: 4096, endpoint: "watchCvmState" });
    expect(pulls).toBeLessThan(20);
  });

  it("follows a redirect within the API origin, refuses another origin, and scrubs the key from an error body", async () => {
    const { fake, client } = setup((call) =>
      call.url.includes("/moved")
        ? eventStream(sse(["complete", { status: "running", target: "running", elapsed: 1 }]))
        : { status: 307, raw: null, headers: { location: `${TEST_BASE_URL}/moved` } },
    );
    await expect(watchCvmState(client, { id: "c", target: "running" })).resolves.toMatchObject({
      status: "running",
      name: null,
    });
    expect(fake.calls.map((call) => call.url)).toEqual([
      `${TEST_BASE_URL}/cvms/c/state?target=running`,
      `${TEST_BASE_URL}/moved`,
    ]);

    const away = setup(() => ({
      status: 302,
      raw: null,
      headers: { location: "https://evil.example/steal" },
    }));
    const refused = await watchCvmState(away.client, { id: "c", target: "running" }).catch(
      (e) => e,
    );
    expect(refused).toMatchObject({ name: "APIConnectionError" });
    expect(refused.message).toContain("another origin");
    expect(away.fake.calls).toHaveLength(1);

    const echo = setup(() => ({ status: 400, body: { detail: `bad key ${TEST_API_KEY}` } }));
    const rejected = await watchCvmState(echo.client, { id: "c", target: "running" }).catch(
      (e) => e,
    );
    expect(rejected.status).toBe(400);
    expect(`${String(rejected)} ${JSON.stringify(rejected)} ${rejected.stack}`).not.toContain(
      TEST_API_KEY,
    );
  });
});

const complete = () =>
  eventStream(sse(["complete", { status: "running", target: "running", elapsed: 1 }]));
const serverTimeout = (status: string) =>
  eventStream(
    sse(["state", { status }], ["timeout", { error: "late", target: "running", elapsed: 10 }]),
  );

describe("watchCvmState in the official docs' forms", () => {
  it("takes onEvent and signal in the first argument, as the docs' examples do", async () => {
    const { fake, client } = setup(() =>
      eventStream(
        sse(
          ["state", { status: "starting", boot_progress: "50%" }],
          ["state", { status: "running", boot_progress: "100%" }],
          ["complete", { status: "running", target: "running", elapsed: 4 }],
        ),
      ),
    );
    const seen: string[] = [];
    const controller = new AbortController();
    const state = await watchCvmState(client, {
      id: "my-app",
      target: "running",
      timeout: 120,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "state") seen.push(`${event.data.status} ${event.data.boot_progress}`);
      },
    });
    expect(state).toMatchObject({ status: "running", boot_progress: "100%" });
    expect(seen).toEqual(["starting 50%", "running 100%"]);
    // Neither is sent: the query holds only the API's parameters.
    expect(new URL(fake.calls[0]!.url).search).toBe("?target=running&timeout=120");
  });

  it("works as a bound method, the docs' `client.watchCvmState({ ..., onEvent })`", async () => {
    const { client } = setup(complete);
    const bound = client.extend({ watchCvmState, safeWatchCvmState });
    const types: string[] = [];
    await expect(
      bound.watchCvmState({ id: "c", target: "running", onEvent: (e) => types.push(e.type) }),
    ).resolves.toMatchObject({ status: "running" });
    expect(types).toEqual(["complete"]);
    const safe = await bound.safeWatchCvmState({
      id: "c",
      target: "running",
      onEvent: (e) => types.push(e.type),
    });
    expect(safe.success).toBe(true);
    expect(types).toEqual(["complete", "complete"]);
  });

  it("refuses a setting given in both places, naming it, before sending", async () => {
    const { fake, client } = setup(complete);
    const signal = new AbortController().signal;
    const onEvent = () => {};
    for (const [args, options, path] of [
      [{ signal }, { signal }, "signal"],
      [{ onEvent }, { onEvent }, "onEvent"],
      [{ maxRetries: 3 }, { maxReconnects: 3 }, "maxRetries"],
      [{ retryDelay: 10 }, { reconnectDelay: 10 }, "retryDelay"],
    ] as const) {
      const error = await watchCvmState(
        client,
        { id: "c", target: "running", ...args },
        options,
      ).catch((e: unknown) => e);
      expect(error, path).toBeInstanceOf(RequestValidationError);
      const issues = (error as RequestValidationError).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toBe(path);
      expect(issues[0]!.message).toMatch(
        path === "signal" || path === "onEvent"
          ? "given in both the arguments and the options"
          : "give one of them",
      );
    }
    expect(fake.calls).toHaveLength(0);
    // One in each place is fine.
    await expect(
      watchCvmState(client, { id: "c", target: "running", signal }, { onEvent }),
    ).resolves.toMatchObject({ status: "running" });
  });

  it("checks the docs' settings like its own", async () => {
    const { fake, client } = setup(complete);
    for (const [key, value] of [
      ["maxRetries", 0],
      ["maxRetries", -1],
      ["maxRetries", 1.5],
      ["maxRetries", Number.NaN],
      ["maxRetries", "3"],
      ["retryDelay", -1],
      ["retryDelay", "5000"],
      ["onEvent", "log"],
    ] as const) {
      const error = await watchCvmState(client, {
        id: "c",
        target: "running",
        [key]: value,
      } as never).catch((e: unknown) => e);
      expect(error, `${key}: ${String(value)}`).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).issues.map((issue) => issue.path)).toEqual([key]);
    }
    expect(fake.calls).toHaveLength(0);
    await expect(
      watchCvmState(client, { id: "c", target: "running", maxRetries: Number.POSITIVE_INFINITY }),
    ).resolves.toMatchObject({ status: "running" });
  });

  it("maxRetries: a server timeout starts the next attempt, and the last one rejects with MaxRetriesExceededError", async () => {
    const recovering = setup((_call, index) =>
      index < 2 ? serverTimeout(index === 0 ? "stopped" : "starting") : complete(),
    );
    const seen: string[] = [];
    await expect(
      watchCvmState(recovering.client, {
        id: "c",
        target: "running",
        timeout: 10,
        maxRetries: 3,
        retryDelay: 1,
        onEvent: (event) => seen.push(event.type),
      }),
    ).resolves.toMatchObject({ status: "starting" });
    expect(recovering.fake.calls).toHaveLength(3);
    // Every attempt asks the same.
    expect(new Set(recovering.fake.calls.map((call) => call.url)).size).toBe(1);
    expect(seen).toEqual(["state", "timeout", "state", "timeout", "complete"]);

    const late = setup((_call, index) => serverTimeout(`s${index}`));
    const error = await watchCvmState(late.client, {
      id: "c",
      target: "running",
      maxRetries: 2,
      retryDelay: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaxRetriesExceededError);
    expect(error).toBeInstanceOf(CvmStateWatchTimeoutError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect(error).toMatchObject({
      name: "MaxRetriesExceededError",
      attempts: 2,
      target: "running",
      elapsed: 10,
      lastState: { status: "s1" },
      endpoint: "watchCvmState",
    });
    expect((error as Error).message).toContain("maximum retry attempts (2) exceeded");
    expect(late.fake.calls).toHaveLength(2);

    // One attempt: the first timeout is the last.
    const once = setup(() => serverTimeout("stopped"));
    await expect(
      watchCvmState(once.client, { id: "c", target: "running", maxRetries: 1 }),
    ).rejects.toMatchObject({ name: "MaxRetriesExceededError", attempts: 1 });
    expect(once.fake.calls).toHaveLength(1);

    // Without maxRetries a timeout still ends the watch at once, as before.
    const ours = setup(() => serverTimeout("stopped"));
    const timedOut = await watchCvmState(ours.client, { id: "c", target: "running" }).catch(
      (e: unknown) => e,
    );
    expect(timedOut).toBeInstanceOf(CvmStateWatchTimeoutError);
    expect(timedOut).not.toBeInstanceOf(MaxRetriesExceededError);
    expect(ours.fake.calls).toHaveLength(1);
  });

  it("maxRetries counts every connection, events or not, and rethrows the last attempt's error", async () => {
    // Each connection delivers an event, then drops: `maxReconnects` would count
    // each drop afresh; `maxRetries` counts attempts in all, as `@phala/cloud` does.
    const { fake, client } = setup(() => eventStream(sse(["state", { status: "starting" }])));
    const error = await watchCvmState(client, {
      id: "c",
      target: "running",
      maxRetries: 3,
      retryDelay: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(MaxRetriesExceededError);
    expect((error as Error).message).toContain("ended before a final event");
    expect(fake.calls).toHaveLength(3);

    const failing = setup(() => ({ status: 503, body: {} }));
    await expect(
      watchCvmState(failing.client, { id: "c", target: "running", maxRetries: 4, retryDelay: 1 }),
    ).rejects.toMatchObject({ status: 503 });
    expect(failing.fake.calls).toHaveLength(4);
  });

  it("maxRetries never reconnects what the SDK never reconnects (404, 429)", async () => {
    for (const status of [404, 429]) {
      const { fake, client } = setup(() => ({ status, body: { detail: "no" } }));
      await expect(
        watchCvmState(client, { id: "c", target: "running", maxRetries: 5, retryDelay: 1 }),
      ).rejects.toMatchObject({ status });
      expect(fake.calls).toHaveLength(1);
    }
  });

  it("retryDelay is the reconnection delay: each wait is at most it (jittered), doubling only after an attempt without events", async () => {
    const delays: number[] = [];
    const { fake, client } = setup(
      (_call, index) => (index === 0 ? { status: 503, body: {} } : complete()),
      {
        hooks: {
          onRetry: (event) => {
            delays.push(event.delayMs!);
          },
        },
      },
    );
    await watchCvmState(client, { id: "c", target: "running", retryDelay: 40 });
    expect(fake.calls).toHaveLength(2);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(20);
    expect(delays[0]).toBeLessThanOrEqual(40);
  });

  it("hooks see each attempt after a server timeout as a retry, and the end once", async () => {
    const seen: string[] = [];
    const { client } = setup(() => serverTimeout("stopped"), {
      hooks: {
        onRetry: (event) => {
          seen.push(`onRetry ${event.error?.name} ${event.retryReason}`);
        },
        onError: (event) => {
          seen.push(`onError ${event.error?.name}`);
        },
      },
    });
    await expect(
      watchCvmState(client, { id: "c", target: "running", maxRetries: 3, retryDelay: 1 }),
    ).rejects.toBeInstanceOf(MaxRetriesExceededError);
    expect(seen).toEqual([
      "onRetry APIConnectionTimeoutError timeout",
      "onRetry APIConnectionTimeoutError timeout",
      "onError MaxRetriesExceededError",
    ]);
  });
});

describe("watchCvmState aborts with WatchAbortedError, an APIUserAbortError", () => {
  function expectWatchAborted(error: unknown, message: string) {
    expect(error).toBeInstanceOf(WatchAbortedError);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect((error as Error).name).toBe("WatchAbortedError");
    expect(String(error)).toMatch(/^WatchAbortedError: /);
    expect((error as Error).message).toContain(message);
    expect(error).toMatchObject({ endpoint: "watchCvmState", path: "/cvms/c/state" });
  }

  it("while reading, with the signal in either place", async () => {
    for (const place of ["args", "options"] as const) {
      const { client } = setup(() =>
        eventStream(sse(["state", { status: "starting" }]), { hang: true }),
      );
      const controller = new AbortController();
      const onEvent = () => controller.abort("stop");
      const error = await (place === "args"
        ? watchCvmState(client, { id: "c", target: "running", signal: controller.signal, onEvent })
        : watchCvmState(
            client,
            { id: "c", target: "running" },
            { signal: controller.signal, onEvent },
          )
      ).catch((e: unknown) => e);
      expectWatchAborted(error, "watchCvmState aborted");
    }
  });

  it("before it starts, sending nothing", async () => {
    const { fake, client } = setup(complete);
    const error = await watchCvmState(client, {
      id: "c",
      target: "running",
      signal: AbortSignal.abort("no"),
    }).catch((e: unknown) => e);
    expectWatchAborted(error, "aborted before it started");
    expect((error as Error).cause).toBe("no");
    expect(fake.calls).toHaveLength(0);
  });

  it("while waiting to reconnect, or to start the next attempt", async () => {
    for (const reply of [
      () => ({ status: 503, body: {} }),
      () => serverTimeout("stopped"),
    ] as const) {
      const controller = new AbortController();
      const { fake, client } = setup(() => {
        setTimeout(() => controller.abort(), 20);
        return reply();
      });
      const started = Date.now();
      const error = await watchCvmState(client, {
        id: "c",
        target: "running",
        maxRetries: 5,
        retryDelay: 60_000,
        signal: controller.signal,
      }).catch((e: unknown) => e);
      expectWatchAborted(error, "watchCvmState aborted");
      expect(Date.now() - started).toBeLessThan(5000);
      expect(fake.calls).toHaveLength(1);
    }
  });

  it("the safe twin returns it as the error", async () => {
    const { client } = setup(complete);
    const result = await safeWatchCvmState(client, {
      id: "c",
      target: "running",
      signal: AbortSignal.abort(),
    });
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(WatchAbortedError);
  });
});

describe("the documented watch errors", () => {
  it("are exported from the package, with their literal names", () => {
    expect(core.WatchAbortedError).toBe(WatchAbortedError);
    expect(core.MaxRetriesExceededError).toBe(MaxRetriesExceededError);
    const aborted = new WatchAbortedError("stopped");
    expect(aborted).toBeInstanceOf(APIUserAbortError);
    expect(aborted.name).toBe("WatchAbortedError");
    expect(String(aborted)).toBe("WatchAbortedError: stopped");
    const exceeded = new MaxRetriesExceededError({
      target: "running",
      elapsed: 5,
      message: "m",
      lastState: undefined,
      attempts: 4,
    });
    expect(exceeded).toBeInstanceOf(CvmStateWatchTimeoutError);
    expect(exceeded.name).toBe("MaxRetriesExceededError");
    expect(exceeded.attempts).toBe(4);
    expect(String(exceeded)).toBe(
      'MaxRetriesExceededError: CVM did not reach status "running" within 5s: m; maximum retry attempts (4) exceeded',
    );
    expect(exceeded.toJSON()).toMatchObject({ name: "MaxRetriesExceededError" });
  });
});
