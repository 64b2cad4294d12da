/// <reference types="node" />
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser, getCvmInfo } from "./actions";
import { type ClientConfig, createBaseClient, isLoopbackHost } from "./client";
import { APIError, PhalaCloudError, ResponseValidationError } from "./errors";
import type { Logger } from "./logger";
import { currentUserV20260121, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "./test-utils";
import type { FetchLike } from "./transport";

const REDACTED = "phak_…wxyz";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
  vi.stubEnv("PHALA_CLOUD_LOG", undefined);
  vi.spyOn(Math, "random").mockReturnValue(0);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function memoryLogger() {
  const lines: string[] = [];
  const write = (message: string, ...data: unknown[]) =>
    void lines.push([message, ...data.map((d) => inspect(d, { depth: 10 }))].join(" "));
  const logger: Logger = { error: write, warn: write, info: write, debug: write };
  return { logger, lines };
}

function makeClient(fetch: FetchLike, config: ClientConfig<"2026-01-21"> = {}) {
  return createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL, fetch, ...config });
}

describe("plain HTTP", () => {
  it.each(["http://api.example.com/api/v1", "http://10.0.0.5:8000", "http://127.evil.test"])(
    "refuses to send the key over plain HTTP to %s",
    (baseURL) => {
      expect(() => createBaseClient({ apiKey: TEST_API_KEY, baseURL })).toThrow(PhalaCloudError);
      expect(() => createBaseClient({ apiKey: TEST_API_KEY, baseURL })).toThrow(
        /plain HTTP.*allowInsecureHttp/,
      );
    },
  );

  it.each([
    "http://127.0.0.1:8000/api/v1",
    "http://127.8.9.10",
    "http://localhost:3000",
    "http://[::1]:3000",
    "https://api.example.com",
  ])("allows %s", (baseURL) => {
    expect(() => createBaseClient({ apiKey: TEST_API_KEY, baseURL })).not.toThrow();
  });

  it("allowInsecureHttp: true is the explicit opt-in; a client without a key has nothing to leak", () => {
    expect(() =>
      createBaseClient({
        apiKey: TEST_API_KEY,
        baseURL: "http://api.lan",
        allowInsecureHttp: true,
      }),
    ).not.toThrow();
    expect(() => createBaseClient({ baseURL: "http://api.lan" })).not.toThrow();
  });

  it("a key from the environment is protected too", () => {
    vi.stubEnv("PHALA_CLOUD_API_KEY", TEST_API_KEY);
    expect(() => createBaseClient({ baseURL: "http://api.lan" })).toThrow(/plain HTTP/);
  });

  it("isLoopbackHost", () => {
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("LOCALHOST")).toBe(true);
    expect(isLoopbackHost("128.0.0.1")).toBe(false);
    expect(isLoopbackHost("127.0.0.1.nip.io")).toBe(false);
  });
});

describe("the key never leaks", () => {
  it("not in an error whose body echoes the key: message, stack, String, JSON, inspect, excerpt", async () => {
    const fake = fakeFetch({
      status: 401,
      body: { detail: { error_code: "ERR-AUTH", message: `bad key ${TEST_API_KEY}` } },
      headers: { "x-request-id": "req_9" },
    });
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(APIError);
    for (const text of [
      error.message,
      error.stack,
      String(error),
      JSON.stringify(error),
      inspect(error, { showHidden: true, depth: 10 }),
      error.bodyExcerpt,
    ]) {
      expect(text).not.toContain(TEST_API_KEY);
    }
    expect(error.message).toContain(REDACTED);
    expect(error.bodyExcerpt).toContain(REDACTED);
  });

  it("not in an API error's headers when a proxy echoes the request's headers back", async () => {
    const fake = fakeFetch({
      status: 502,
      body: { detail: "bad gateway" },
      headers: { "x-echo-api-key": TEST_API_KEY, "x-request-id": "req_7" },
    });
    const error = await getCurrentUser(makeClient(fake.fetch, { maxRetries: 0 })).catch((e) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error.headers.get("x-echo-api-key")).toBe("[redacted]");
    expect(error.headers.get("x-request-id")).toBe("req_7");
    expect(inspect(error, { showHidden: true, depth: 10 })).not.toContain(TEST_API_KEY);
  });

  it("not in a connection error's cause chain, nor in the error a retry hook gets", async () => {
    // A runtime refusing a header value may quote it, deep in the cause chain.
    const fetch: FetchLike = async () => {
      throw new TypeError("fetch failed", {
        cause: new Error(`invalid header value ${TEST_API_KEY}`),
      });
    };
    const seen: unknown[] = [];
    const client = makeClient(fetch, {
      maxRetries: 1,
      hooks: {
        onRetry: (event) => void seen.push(event.error),
        onError: (e) => void seen.push(e.error),
      },
    });
    const error = await getCurrentUser(client).catch((e) => e);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect(error.name).toBe("APIConnectionError");
    expect(seen).toHaveLength(2);
    for (const value of [error, ...seen]) {
      const text = inspect(value, { showHidden: true, depth: 10 });
      expect(text).not.toContain(TEST_API_KEY);
      expect(text).toContain(REDACTED);
    }
    // A cause that does not show the key is kept as it was.
    const plain = new TypeError("fetch failed");
    const kept = await getCurrentUser(
      makeClient(
        async () => {
          throw plain;
        },
        { maxRetries: 0 },
      ),
    ).catch((e) => e);
    expect(kept.cause).toBe(plain);
  });

  it("not in a ResponseValidationError's body or excerpt when a 2xx echoes the key", async () => {
    const fake = fakeFetch({ body: { echo: TEST_API_KEY } });
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(inspect(error, { showHidden: true, depth: 10 })).not.toContain(TEST_API_KEY);
    expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
    expect(error.body).toEqual({ echo: REDACTED });
  });

  it("error.toJSON() has what was called and what came back, never headers", async () => {
    const fake = fakeFetch({
      status: 404,
      body: { detail: { error_code: "ERR-404", message: "no such CVM" } },
      headers: { "x-request-id": "req_404" },
    });
    const error = await getCvmInfo(makeClient(fake.fetch), { id: "cvm_1" }).catch((e) => e);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "NotFoundError",
      message: "404 ERR-404: no such CVM (GET /cvms/cvm_1, API version 2026-01-21)",
      status: 404,
      statusText: "",
      method: "GET",
      path: "/cvms/cvm_1",
      apiVersion: "2026-01-21",
      endpoint: "getCvmInfo",
      requestId: "req_404",
      errorCode: "ERR-404",
      bodyExcerpt: JSON.stringify({ detail: { error_code: "ERR-404", message: "no such CVM" } }),
    });
  });

  it("not in any hook payload: headers carry the redacted key", async () => {
    const payloads: unknown[] = [];
    const push = (event: unknown) => void payloads.push(event);
    const fake = fakeFetch((_call, index) =>
      index === 0 ? { status: 503, body: {} } : index === 1 ? { status: 400, body: {} } : {},
    );
    await getCurrentUser(
      makeClient(fake.fetch, {
        hooks: { onRequest: push, onResponse: push, onRetry: push, onError: push },
      }),
    ).catch(() => {});
    expect(payloads.length).toBe(6);
    for (const payload of payloads) {
      expect(inspect(payload, { depth: 10, showHidden: true })).not.toContain(TEST_API_KEY);
      expect((payload as { headers: Record<string, string> }).headers["x-api-key"]).toBe(REDACTED);
    }
  });

  it("not in any log line, at debug level, whatever happens", async () => {
    const { logger, lines } = memoryLogger();
    const fake = fakeFetch((_call, index) =>
      index === 0
        ? { status: 503, body: { detail: TEST_API_KEY } }
        : { body: currentUserV20260121(), headers: { deprecation: "true" } },
    );
    const client = makeClient(fake.fetch, {
      logLevel: "debug",
      logger,
      hooks: {
        onRequest: () => {
          throw new Error(`hook saw ${TEST_API_KEY}?`);
        },
      },
    });
    await getCurrentUser(client);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.some((line) => line.includes(REDACTED))).toBe(true);
    for (const line of lines)
      expect(line.replace(`hook saw ${TEST_API_KEY}`, "")).not.toContain(TEST_API_KEY);
  });

  it("not in JSON.stringify or inspect of a client with hooks and a logger", () => {
    const client = makeClient(fakeFetch().fetch, {
      hooks: { onRequest: () => {} },
      logger: memoryLogger().logger,
    });
    expect(JSON.stringify(client)).not.toContain(TEST_API_KEY);
    expect(inspect(client, { showHidden: true, depth: 10 })).not.toContain(TEST_API_KEY);
  });
});
