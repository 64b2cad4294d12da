import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser } from "./actions";
import { type ClientConfig, createBaseClient } from "./client";
import type { DeprecationEvent, RequestEvent } from "./hooks";
import { createLog, type Logger, resolveLogLevel } from "./logger";
import {
  currentUserV20251028,
  currentUserV20260121,
  fakeFetch,
  TEST_API_KEY,
  TEST_BASE_URL,
} from "./test-utils";
import type { FetchLike } from "./transport";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
  vi.stubEnv("PHALA_CLOUD_LOG", undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function spyLogger() {
  return { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() } satisfies Logger;
}

function makeClient(fetch: FetchLike, config: ClientConfig<"2026-01-21"> = {}) {
  return createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL, fetch, ...config });
}

describe("hooks", () => {
  it("onRequest and onResponse see the attempt, method, url, redacted headers, version, endpoint, status, duration, request id", async () => {
    const events: RequestEvent[] = [];
    const fake = fakeFetch({ body: currentUserV20260121(), headers: { "x-request-id": "req_1" } });
    await getCurrentUser(
      makeClient(fake.fetch, {
        hooks: { onRequest: [(e) => void events.push(e)], onResponse: (e) => void events.push(e) },
      }),
    );
    const [request, response] = events;
    expect(request).toMatchObject({
      attempt: 1,
      method: "GET",
      url: `${TEST_BASE_URL}/auth/me`,
      apiVersion: "2026-01-21",
      endpoint: "getCurrentUser",
    });
    expect(request!.headers["x-api-key"]).toBe("phak_…wxyz");
    expect(request!.headers["x-phala-version"]).toBe("2026-01-21");
    expect(request!.status).toBeUndefined();
    expect(response).toMatchObject({ attempt: 1, status: 200, requestId: "req_1" });
    expect(response!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("a throwing or rejecting hook does not break the call; it is logged", async () => {
    const logger = spyLogger();
    const fake = fakeFetch({ body: currentUserV20260121() });
    const user = await getCurrentUser(
      makeClient(fake.fetch, {
        logger,
        hooks: {
          onRequest: () => {
            throw new Error("boom");
          },
          onResponse: async () => {
            throw new Error("async boom");
          },
        },
      }),
    );
    expect(user.user.username).toBe("alice");
    await vi.waitFor(() => expect(logger.error).toHaveBeenCalledTimes(2));
    expect(String(logger.error.mock.calls[0]![0])).toContain("onRequest hook threw");
  });

  it("a hook whose own error quotes the API key is logged with the key redacted", async () => {
    const logger = spyLogger();
    const fake = fakeFetch({ body: currentUserV20260121() });
    await getCurrentUser(
      makeClient(fake.fetch, {
        logger,
        hooks: {
          onRequest: () => {
            throw new Error(`leaked ${TEST_API_KEY}`);
          },
        },
      }),
    );
    const logged = JSON.stringify(logger.error.mock.calls);
    expect(logged).toContain("leaked");
    expect(logged).not.toContain(TEST_API_KEY);
  });

  it("a hook that is not a function is refused at client creation", () => {
    expect(() => makeClient(fakeFetch().fetch, { hooks: { onError: "x" as never } })).toThrow(
      /hooks.onError/,
    );
  });
});

describe("deprecation", () => {
  it("Deprecation / Sunset are surfaced once per API version per client: onDeprecation, one warn, onResponse flag", async () => {
    const logger = spyLogger();
    const seen: DeprecationEvent[] = [];
    const flags: unknown[] = [];
    const fake = fakeFetch((call) => ({
      body:
        call.headers["x-phala-version"] === "2025-10-28"
          ? currentUserV20251028()
          : currentUserV20260121(),
      headers: { deprecation: "@1767225600", sunset: "Wed, 01 Jul 2026 00:00:00 GMT" },
    }));
    const client = makeClient(fake.fetch, {
      logger,
      hooks: {
        onDeprecation: (e) => void seen.push(e),
        onResponse: (e) => void flags.push(e.deprecation),
      },
    });
    await getCurrentUser(client);
    await getCurrentUser(client);
    await getCurrentUser(client.withVersion("2025-10-28"));
    await getCurrentUser(client, {}, { version: "2025-10-28" });
    expect(seen.map((e) => e.apiVersion)).toEqual(["2026-01-21", "2025-10-28"]);
    expect(seen[0]).toMatchObject({
      deprecation: "@1767225600",
      sunset: "Wed, 01 Jul 2026 00:00:00 GMT",
    });
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(String(logger.warn.mock.calls[0]![0])).toContain("API version 2026-01-21 is deprecated");
    expect(flags).toHaveLength(4);
    expect(flags.every((f) => (f as { deprecation: string }).deprecation === "@1767225600")).toBe(
      true,
    );
    const other = makeClient(fake.fetch, { logger });
    await getCurrentUser(other);
    expect(logger.warn).toHaveBeenCalledTimes(3);
  });
});

describe("logging", () => {
  it("default level is warn; PHALA_CLOUD_LOG sets it; a config level wins; a bad env value is ignored", () => {
    expect(resolveLogLevel(undefined)).toBe("warn");
    vi.stubEnv("PHALA_CLOUD_LOG", "debug");
    expect(resolveLogLevel(undefined)).toBe("debug");
    expect(resolveLogLevel("error")).toBe("error");
    vi.stubEnv("PHALA_CLOUD_LOG", "verbose");
    expect(resolveLogLevel(undefined)).toBe("warn");
    expect(() => resolveLogLevel("loud")).toThrow(/logLevel/);
  });

  it("levels filter: off logs nothing, error only errors", () => {
    const logger = spyLogger();
    const off = createLog("off", logger);
    off.error("x");
    expect(logger.error).not.toHaveBeenCalled();
    const errors = createLog("error", logger);
    errors.warn("w");
    errors.error("e");
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith("[phala-cloud] e");
  });

  it("debug logs each request with redacted headers; info logs retries; warn hides both", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const fake = fakeFetch((_c, i) =>
      i === 0 ? { status: 503, body: {} } : { body: currentUserV20260121() },
    );
    const debug = spyLogger();
    await getCurrentUser(makeClient(fake.fetch, { logLevel: "debug", logger: debug }));
    const request = debug.debug.mock.calls.find((c) =>
      String(c[0]).startsWith("[phala-cloud] → GET"),
    );
    expect(request).toBeDefined();
    expect((request![1] as { headers: Record<string, string> }).headers["x-api-key"]).toBe(
      "phak_…wxyz",
    );
    expect(debug.info.mock.calls.some((c) => String(c[0]).includes("Retrying GET /auth/me"))).toBe(
      true,
    );
    const quiet = spyLogger();
    await getCurrentUser(makeClient(fake.fetch, { logger: quiet }));
    expect(quiet.debug).not.toHaveBeenCalled();
    expect(quiet.info).not.toHaveBeenCalled();
  });

  it("the default logger is console", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const fake = fakeFetch({
      body: currentUserV20260121(),
      headers: { sunset: "Wed, 01 Jul 2026 00:00:00 GMT" },
    });
    await getCurrentUser(makeClient(fake.fetch));
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
