import { afterEach, describe, expect, it, vi } from "vitest";
import { type ClientConfig, createBaseClient } from "../../client";
import {
  APIUserAbortError,
  AuthenticationError,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
  ResponseTooLargeError,
} from "../../errors";
import type { RequestEvent } from "../../hooks";
import {
  fakeFetch,
  type Responder,
  TEST_API_KEY,
  TEST_BASE_URL,
  trackAbortListeners,
} from "../../test-utils";
import { CvmStateWatchTimeoutError } from "../internal/watch-errors";
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
      watchCvmState(client, { id: "c", target: "running", maxRetries: 3 } as never),
    ).rejects.toMatchObject({
      issues: [{ path: "maxRetries" }],
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
