import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser, getCvmInfo } from "./actions";
import { type ClientConfig, createBaseClient } from "./client";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
} from "./errors";
import type { RequestEvent } from "./hooks";
import {
  backoffDelay,
  isRetriedMethod,
  MAX_RETRY_DELAY_MS,
  retryReasonForStatus,
  sleep,
} from "./retry";
import { retryAfterMs } from "./retry-after";

/** `Retry-After: value` as a response's Headers carry it (none for null/undefined). */
const parseRetryAfterMs = (value: string | null | undefined, now: number) =>
  retryAfterMs(new Headers(value == null ? {} : { "retry-after": value }), now);

import {
  currentUserV20260121,
  type FakeReply,
  fakeFetch,
  hangingFetch,
  TEST_API_KEY,
  TEST_BASE_URL,
  trackAbortListeners,
} from "./test-utils";
import type { FetchLike } from "./transport";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
  vi.stubEnv("PHALA_CLOUD_LOG", "off");
  // No jitter wait in these tests unless one asks for it: backoff waits 0 ms.
  vi.spyOn(Math, "random").mockReturnValue(0);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function makeClient(fetch: FetchLike, config: ClientConfig<"2026-01-21"> = {}) {
  return createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL, fetch, ...config });
}

/** Answers each call with the next reply of the list (the last one repeats). */
function sequence(...replies: FakeReply[]) {
  return fakeFetch((_call, index) => replies[Math.min(index, replies.length - 1)]!);
}

const OK: FakeReply = { body: currentUserV20260121() };

describe("Retry-After from an adapter's own Headers class", () => {
  it("is honoured when the response headers are not the global Headers (undici's fetch)", async () => {
    class ForeignHeaders {
      readonly #inner: Headers;
      constructor(init: Record<string, string>) {
        this.#inner = new Headers(init);
      }
      get(name: string) {
        return this.#inner.get(name);
      }
      has(name: string) {
        return this.#inner.has(name);
      }
      forEach(fn: (value: string, key: string) => void) {
        this.#inner.forEach(fn);
      }
    }
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls += 1;
      const response = new Response(JSON.stringify({ detail: "slow down" }), { status: 429 });
      Object.defineProperty(response, "headers", {
        value: new ForeignHeaders({ "retry-after": "120", "content-type": "application/json" }),
      });
      return response;
    };
    const error = await getCurrentUser(makeClient(fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120);
    // Above 60 s the call fails at once: one attempt, no retry.
    expect(calls).toBe(1);
  });
});

describe("retry policy (pure functions)", () => {
  it("backoff is full jitter under an exponential ceiling from 500 ms, capped at 8 s", () => {
    expect(backoffDelay(1, () => 0.999)).toBe(499);
    expect(backoffDelay(2, () => 0.999)).toBe(999);
    expect(backoffDelay(3, () => 0.5)).toBe(1000);
    expect(backoffDelay(10, () => 0.999)).toBe(Math.floor(0.999 * MAX_RETRY_DELAY_MS));
    expect(backoffDelay(30, () => 0.999)).toBeLessThan(8000);
    expect(backoffDelay(1, () => 0)).toBe(0);
  });

  it("Retry-After as RFC 9110 reads it: delay-seconds digits or an HTTP-date; anything else is absent", () => {
    const now = Date.parse("2026-02-01T00:00:00Z");
    expect(parseRetryAfterMs("3", now)).toBe(3000);
    expect(parseRetryAfterMs("120", now)).toBe(120_000);
    expect(parseRetryAfterMs("0", now)).toBe(0);
    expect(parseRetryAfterMs(new Date(now + 20_000).toUTCString(), now)).toBe(20_000);
    expect(parseRetryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", now)).toBe(0);
    // Obsolete forms a recipient must still accept (RFC 9110, 5.6.7).
    expect(parseRetryAfterMs("Sunday, 01-Feb-26 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfterMs("Sun Feb  1 00:01:00 2026", now)).toBe(60_000);
    for (const bad of [
      "1e2",
      "0x10",
      "-5",
      "+5",
      "1.5",
      "0.5",
      "soon",
      "",
      "  ",
      "5 s",
      "Infinity",
    ]) {
      expect(parseRetryAfterMs(bad, now), bad).toBeUndefined();
    }
    // Dates that only look right: an hour past 23, no GMT, another zone, ISO 8601.
    for (const bad of [
      "Sun, 01 Feb 2026 25:00:30 GMT",
      "Sun, 01 Feb 2026 00:00:30",
      "Sun, 01 Feb 2026 00:00:30 PST",
      "2026-02-01T00:00:30Z",
    ]) {
      expect(parseRetryAfterMs(bad, now), bad).toBeUndefined();
    }
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs("9".repeat(400), now)).toBe(1e12);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs({ get: () => "7" }, now)).toBe(7000); // an adapter's own Headers class
  });

  it("only idempotent methods are retried unless the call says so", () => {
    for (const method of ["GET", "HEAD", "PUT", "DELETE"]) {
      expect(isRetriedMethod(method, false)).toBe(true);
    }
    expect(isRetriedMethod("POST", false)).toBe(false);
    expect(isRetriedMethod("PATCH", false)).toBe(false);
    expect(isRetriedMethod("POST", true)).toBe(true);
  });

  it("retried statuses are 408, 429, 500, 502, 503, 504 and no others", () => {
    const retried = [];
    for (let status = 400; status < 600; status++) {
      if (retryReasonForStatus(status)) retried.push(status);
    }
    expect(retried).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it("sleep rejects at once on abort and leaves no timer", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal, {}).catch((e) => e);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(await waiting).toBeInstanceOf(APIUserAbortError);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("retries", () => {
  it.each([408, 429, 500, 502, 503, 504])(
    "a GET answered %i twice, then 200, succeeds on the third attempt",
    async (status) => {
      const fake = sequence(
        { status, body: { detail: "x" } },
        { status, body: { detail: "x" } },
        OK,
      );
      const user = await getCurrentUser(makeClient(fake.fetch));
      expect(user.user.username).toBe("alice");
      expect(fake.calls).toHaveLength(3);
    },
  );

  it("gives up after maxRetries (default 2): three attempts, the last error thrown", async () => {
    const fake = sequence({ status: 503, body: { detail: "down" } });
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(503);
    expect(fake.calls).toHaveLength(3);
  });

  it("client maxRetries and per-call maxRetries; 0 turns retries off", async () => {
    const fake = sequence({ status: 503, body: {} });
    await getCurrentUser(makeClient(fake.fetch, { maxRetries: 4 })).catch(() => {});
    expect(fake.calls).toHaveLength(5);
    fake.calls.length = 0;
    await getCurrentUser(makeClient(fake.fetch, { maxRetries: 4 }), {}, { maxRetries: 1 }).catch(
      () => {},
    );
    expect(fake.calls).toHaveLength(2);
    fake.calls.length = 0;
    await getCurrentUser(makeClient(fake.fetch, { maxRetries: 0 })).catch(() => {});
    expect(fake.calls).toHaveLength(1);
    fake.calls.length = 0;
    await getCurrentUser(makeClient(fake.fetch), {}, { maxRetries: 0 }).catch(() => {});
    expect(fake.calls).toHaveLength(1);
  });

  it("refuses a maxRetries that is not an integer >= 0", async () => {
    expect(() => makeClient(fakeFetch().fetch, { maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => makeClient(fakeFetch().fetch, { maxRetries: 1.5 })).toThrow(/maxRetries/);
    const error = await getCurrentUser(makeClient(fakeFetch().fetch), {}, { maxRetries: -2 }).catch(
      (e) => e,
    );
    expect(error.issues[0].path).toBe("maxRetries");
  });

  it.each([400, 401, 403, 404, 409, 422, 465])("a %i is never retried", async (status) => {
    const fake = sequence({ status, body: { detail: "no" } }, OK);
    await expect(getCurrentUser(makeClient(fake.fetch))).rejects.toHaveProperty("status", status);
    expect(fake.calls).toHaveLength(1);
  });

  it("a response validation error is never retried", async () => {
    const fake = sequence({ body: { wrong: true } }, OK);
    await expect(getCurrentUser(makeClient(fake.fetch))).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    expect(fake.calls).toHaveLength(1);
  });

  it("a connection error is retried for GET; the same fetch failure three times gives APIConnectionError", async () => {
    let calls = 0;
    const client = makeClient(async () => {
      calls++;
      throw new TypeError("fetch failed: ECONNRESET");
    });
    const error = await getCurrentUser(client).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(calls).toBe(3);
  });

  it("a per-attempt timeout is retried; each attempt gets the full timeout", async () => {
    const fake = hangingFetch();
    const started = performance.now();
    const error = await getCurrentUser(makeClient(fake.fetch, { timeout: 30 })).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(fake.calls).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(85);
    expect(fake.calls.every((call) => call.signal?.aborted)).toBe(true);
  });

  it("POST and PATCH are not retried by default", async () => {
    const fake = sequence({ status: 503, body: {} }, { status: 201, body: { ok: true } });
    const client = makeClient(fake.fetch);
    await expect(
      client.request({ method: "POST", path: "/cvms", body: {} }),
    ).rejects.toBeInstanceOf(InternalServerError);
    await expect(client.request({ method: "PATCH", path: "/cvms/x", body: {} })).resolves.toEqual({
      ok: true,
    });
    expect(fake.calls).toHaveLength(2);
  });

  it("POST is retried when the call says it is safe (retryNonIdempotent)", async () => {
    const fake = sequence({ status: 503, body: {} }, { status: 201, body: { ok: true } });
    const data = await makeClient(fake.fetch).request({
      method: "POST",
      path: "/cvms",
      body: { name: "a" },
      retryNonIdempotent: true,
    });
    expect(data).toEqual({ ok: true });
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[1]!.body).toEqual({ name: "a" });
  });

  it("PUT and DELETE are retried", async () => {
    const fake = sequence({ status: 502, body: {} }, { status: 200, body: { ok: 1 } });
    await makeClient(fake.fetch).request({ method: "PUT", path: "/x", body: {} });
    expect(fake.calls.map((c) => c.method)).toEqual(["PUT", "PUT"]);
    const del = sequence({ status: 504, body: {} }, { status: 204, raw: null });
    await makeClient(del.fetch).request({ method: "DELETE", path: "/x" });
    expect(del.calls).toHaveLength(2);
  });

  it("the caller's abort is never retried", async () => {
    const fake = hangingFetch();
    const controller = new AbortController();
    const pending = getCurrentUser(makeClient(fake.fetch), {}, { signal: controller.signal }).catch(
      (e) => e,
    );
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    controller.abort();
    expect(await pending).toBeInstanceOf(APIUserAbortError);
    expect(fake.calls).toHaveLength(1);
  });

  it("one listener on the caller's signal for the whole call, removed at the end", async () => {
    const fake = sequence({ status: 503, body: {} }, { status: 503, body: {} }, OK);
    const controller = new AbortController();
    const tracker = trackAbortListeners(controller.signal);
    await getCurrentUser(makeClient(fake.fetch), {}, { signal: controller.signal });
    expect(fake.calls).toHaveLength(3);
    expect(tracker.added).toBe(1);
    expect(tracker.live).toBe(0);
  });
});

/** A 409 of a CVM busy with another operation: the API sends it without an `error_code`. */
const IN_PROGRESS: FakeReply = {
  status: 409,
  body: { detail: "Another operation is in progress for this CVM, please retry later" },
};

describe("a 409 saying another operation is in progress (no error_code)", () => {
  it.each([
    ["POST", "/cvms/cvm_1/start"],
    ["PATCH", "/cvms/cvm_1"],
    ["GET", "/cvms/cvm_1"],
    ["DELETE", "/cvms/cvm_1"],
  ] as const)("is retried for %s like a 503, then succeeds", async (method, path) => {
    const fake = sequence(IN_PROGRESS, IN_PROGRESS, { status: 202, body: { ok: true } });
    const retries: (string | undefined)[] = [];
    const client = makeClient(fake.fetch, {
      hooks: { onRetry: (event) => void retries.push(event.retryReason) },
    });
    await expect(client.request({ method, path, body: {} })).resolves.toEqual({ ok: true });
    expect(fake.calls.map((call) => call.method)).toEqual([method, method, method]);
    expect(fake.calls[2]!.body).toEqual({});
    expect(retries).toEqual(["http_409", "http_409"]);
  });

  it.each([
    ["a message field", { message: "CVM is busy: operation in progress" }],
    ["a structured detail without error_code", { detail: { message: "Operation in progress" } }],
    ["plain text", "another operation is running"],
  ])("is recognised in %s", async (_label, body) => {
    const fake = sequence({ status: 409, body }, { status: 200, body: { ok: true } });
    await makeClient(fake.fetch).request({ method: "POST", path: "/cvms/cvm_1/stop" });
    expect(fake.calls).toHaveLength(2);
  });

  it("spends the same retry budget: maxRetries, then the ConflictError", async () => {
    const fake = sequence(IN_PROGRESS);
    const error = (await makeClient(fake.fetch)
      .request({ method: "POST", path: "/cvms/cvm_1/restart" })
      .catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.operationInProgress).toBe(true);
    expect(fake.calls).toHaveLength(3);
    const once = sequence(IN_PROGRESS);
    await makeClient(once.fetch, { maxRetries: 0 })
      .request({ method: "POST", path: "/cvms/cvm_1/restart" })
      .catch(() => {});
    expect(once.calls).toHaveLength(1);
  });

  it("a 409 with an error_code is final, for every method", async () => {
    for (const method of ["POST", "GET"] as const) {
      const fake = sequence(
        {
          status: 409,
          body: { detail: { error_code: "ERR-02-008", message: "Operation in progress" } },
        },
        { status: 200, body: { ok: true } },
      );
      const error = (await makeClient(fake.fetch)
        .request({ method, path: "/cvms/cvm_1/start" })
        .catch((e: unknown) => e)) as ConflictError;
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.operationInProgress).toBe(false);
      expect(fake.calls).toHaveLength(1);
    }
  });

  it("a 409 without error_code that does not say so is final", async () => {
    const fake = sequence(
      { status: 409, body: { detail: "CVM name already taken" } },
      { status: 200, body: { ok: true } },
    );
    const error = (await makeClient(fake.fetch)
      .request({ method: "POST", path: "/cvms" })
      .catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.operationInProgress).toBe(false);
    expect(fake.calls).toHaveLength(1);
  });

  it("POST is still not retried on a 503 (only the in-progress 409 is safe)", async () => {
    const fake = sequence({ status: 503, body: {} }, IN_PROGRESS, { status: 200, body: {} });
    await expect(
      makeClient(fake.fetch).request({ method: "POST", path: "/cvms/cvm_1/start" }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(fake.calls).toHaveLength(1);
  });
});

describe("backoff and Retry-After (fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
  });

  it("waits the jittered exponential backoff between attempts", async () => {
    vi.mocked(Math.random).mockReturnValue(0.5);
    const fake = sequence({ status: 503, body: {} }, { status: 503, body: {} }, OK);
    const delays: number[] = [];
    const client = makeClient(fake.fetch, {
      hooks: { onRetry: (event) => void delays.push(event.delayMs!) },
    });
    const pending = getCurrentUser(client);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(249);
    expect(fake.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(fake.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(fake.calls).toHaveLength(3);
    expect(delays).toEqual([250, 500]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("honours Retry-After in seconds (up to 60 s)", async () => {
    const fake = sequence({ status: 429, body: {}, headers: { "retry-after": "30" } }, OK);
    const pending = getCurrentUser(makeClient(fake.fetch));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(fake.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(fake.calls).toHaveLength(2);
  });

  it("honours Retry-After as an HTTP date", async () => {
    vi.setSystemTime(Date.parse("2026-02-01T00:00:00Z"));
    const when = new Date(Date.now() + 5_000).toUTCString();
    const fake = sequence({ status: 503, body: {}, headers: { "retry-after": when } }, OK);
    const pending = getCurrentUser(makeClient(fake.fetch));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fake.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(fake.calls).toHaveLength(2);
  });

  it("a Retry-After above 60 s fails at once with RateLimitError carrying the wait", async () => {
    const fake = sequence(
      { status: 429, body: { detail: "slow" }, headers: { "retry-after": "120" } },
      OK,
    );
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120);
    expect(fake.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("the retry loop and RateLimitError read Retry-After alike: a value it ignores is absent from the error too", async () => {
    for (const value of ["1e2", "0x10", "-5"]) {
      const fake = sequence(
        { status: 429, body: {}, headers: { "retry-after": value } },
        { status: 429, body: {}, headers: { "retry-after": value } },
      );
      const pending = getCurrentUser(makeClient(fake.fetch, { maxRetries: 1 })).catch((e) => e);
      // Not waited as 100 s, 16 s or 0 s: the backoff of a Retry-After that was not sent.
      await vi.advanceTimersByTimeAsync(MAX_RETRY_DELAY_MS);
      const error = await pending;
      expect(error, value).toBeInstanceOf(RateLimitError);
      expect(error.retryAfter, value).toBeUndefined();
      expect(fake.calls, value).toHaveLength(2);
    }
    const fake = sequence({ status: 429, body: {}, headers: { "retry-after": "61" } });
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error.retryAfter).toBe(61);
    expect(fake.calls).toHaveLength(1);
  });

  it("an in-progress 409 honours Retry-After and maxRetryTime, for POST too", async () => {
    const busy = { ...IN_PROGRESS, headers: { "retry-after": "3" } };
    const fake = sequence(busy, { status: 200, body: { ok: true } });
    const pending = makeClient(fake.fetch).request({ method: "POST", path: "/cvms/cvm_1/start" });
    await vi.advanceTimersByTimeAsync(2_999);
    expect(fake.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual({ ok: true });
    expect(fake.calls).toHaveLength(2);

    const long = sequence({ ...IN_PROGRESS, headers: { "retry-after": "20" } });
    const error = (await makeClient(long.fetch, { maxRetryTime: 10_000 })
      .request({ method: "PATCH", path: "/cvms/cvm_1" })
      .catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(long.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("never starts a wait that would cross maxRetryTime", async () => {
    const fake = sequence({ status: 503, body: {}, headers: { "retry-after": "20" } }, OK);
    const error = await getCurrentUser(makeClient(fake.fetch, { maxRetryTime: 10_000 })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(fake.calls).toHaveLength(1);
    const perCall = sequence({ status: 503, body: {}, headers: { "retry-after": "20" } }, OK);
    const pending = getCurrentUser(makeClient(perCall.fetch), {}, { maxRetryTime: 30_000 });
    await vi.advanceTimersByTimeAsync(20_000);
    await pending;
    expect(perCall.calls).toHaveLength(2);
  });

  it("does not start a retry with less than 10 ms of maxRetryTime left", async () => {
    // A 503 that arrives 995 ms into a 1,000 ms call: a retry would get 5 ms.
    const fetch: FetchLike = () =>
      new Promise((resolve) => {
        setTimeout(() => resolve(new Response("{}", { status: 503 })), 995);
      });
    const calls = vi.fn(fetch);
    const pending = getCurrentUser(makeClient(calls, { maxRetryTime: 1_000 })).catch((e) => e);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await pending).toBeInstanceOf(InternalServerError);
    expect(calls).toHaveBeenCalledTimes(1);
    // With 20 ms left it is started.
    const again = vi.fn(fetch);
    const retried = getCurrentUser(makeClient(again, { maxRetryTime: 1_015 })).catch((e) => e);
    await vi.advanceTimersByTimeAsync(3_000);
    await retried;
    expect(again).toHaveBeenCalledTimes(2);
  });

  it("the total time of a call stays within maxRetryTime plus one attempt", async () => {
    const fake = hangingFetch();
    const client = makeClient(fake.fetch, { timeout: 4_000, maxRetries: 10, maxRetryTime: 9_000 });
    vi.mocked(Math.random).mockReturnValue(0.99);
    const started = Date.now();
    let settledAt = 0;
    const pending = getCurrentUser(client)
      .catch((e) => e)
      .finally(() => {
        settledAt = Date.now();
      });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await pending).toBeInstanceOf(APIConnectionTimeoutError);
    expect(settledAt - started).toBeLessThanOrEqual(9_000);
    expect(fake.calls.length).toBeLessThan(11);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("the caller's signal ends a backoff wait at once, leaving no timer", async () => {
    const fake = sequence({ status: 503, body: {}, headers: { "retry-after": "50" } }, OK);
    const controller = new AbortController();
    const tracker = trackAbortListeners(controller.signal);
    const pending = getCurrentUser(makeClient(fake.fetch), {}, { signal: controller.signal }).catch(
      (e) => e,
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(fake.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1);
    const reason = new Error("stop");
    controller.abort(reason);
    const error = await pending;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.cause).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(tracker.live).toBe(0);
    expect(fake.calls).toHaveLength(1);
  });
});

describe("attempts are visible to hooks", () => {
  it("onRequest per attempt with its number; onRetry with the reason and delay; onError once", async () => {
    const fake = sequence(
      { status: 503, body: {}, headers: { "x-request-id": "req_a" } },
      { status: 429, body: {}, headers: { "retry-after": "0" } },
      { status: 404, body: { detail: "gone" }, headers: { "x-request-id": "req_c" } },
    );
    const seen: [string, RequestEvent][] = [];
    const record = (name: string) => (event: RequestEvent) => void seen.push([name, event]);
    const client = makeClient(fake.fetch, {
      hooks: {
        onRequest: record("request"),
        onResponse: record("response"),
        onRetry: record("retry"),
        onError: record("error"),
      },
    });
    const error = await getCvmInfo(client, { id: "cvm_1" }).catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(seen.map(([name, e]) => `${name}#${e.attempt}`)).toEqual([
      "request#1",
      "response#1",
      "retry#1",
      "request#2",
      "response#2",
      "retry#2",
      "request#3",
      "response#3",
      "error#3",
    ]);
    const retries = seen.filter(([name]) => name === "retry").map(([, e]) => e);
    expect(retries.map((e) => e.retryReason)).toEqual(["http_503", "http_429"]);
    expect(retries.map((e) => e.delayMs)).toEqual([0, 0]);
    expect(retries[0]!.requestId).toBe("req_a");
    const failure = seen.at(-1)![1];
    expect(failure.error).toBe(error);
    expect(failure.status).toBe(404);
    expect(failure.requestId).toBe("req_c");
    expect(failure.endpoint).toBe("getCvmInfo");
  });

  it("a connection error retry says connection_error; a timeout retry says timeout", async () => {
    const reasons: (string | undefined)[] = [];
    let n = 0;
    const client = makeClient(
      async (_url, init) => {
        n++;
        if (n === 1) throw new TypeError("fetch failed");
        if (n === 2) {
          return new Promise<Response>((_resolve, reject) =>
            init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
          );
        }
        return new Response(JSON.stringify(currentUserV20260121()), {
          headers: { "content-type": "application/json" },
        });
      },
      { timeout: 20, hooks: { onRetry: (e) => void reasons.push(e.retryReason) } },
    );
    await getCurrentUser(client);
    expect(reasons).toEqual(["connection_error", "timeout"]);
  });

  it("a 400 fails without any onRetry", async () => {
    const onRetry = vi.fn();
    const fake = sequence({ status: 400, body: { detail: "bad" } });
    const error = await getCurrentUser(makeClient(fake.fetch, { hooks: { onRetry } })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(onRetry).not.toHaveBeenCalled();
  });
});
