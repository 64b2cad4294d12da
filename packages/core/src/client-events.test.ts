/// <reference types="node" />
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser, getCvmInfo, watchCvmState } from "./actions";
import { createBaseClient } from "./client";
import { type ClientEventMap, clientEvents } from "./client-events";
import { createClient, type PhalaCloudClient, withRuntime } from "./create-client";
import {
  APIConnectionError,
  AuthenticationError,
  NotFoundError,
  PhalaCloudError,
  RequestValidationError,
  ResponseValidationError,
} from "./errors";
import type { Logger } from "./logger";
import {
  currentUserV20251028,
  currentUserV20260121,
  type FakeReply,
  fakeFetch,
  type Responder,
  TEST_API_KEY,
  TEST_BASE_URL,
} from "./test-utils";
import type { FetchLike } from "./transport";

const REDACTED = "phak_…wxyz";
const NOT_FOUND: FakeReply = {
  status: 404,
  body: { detail: { error_code: "ERR-404", message: "no such CVM" } },
};

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
  vi.stubEnv("PHALA_CLOUD_LOG", undefined);
  // No backoff jitter: retried calls wait the shortest delay.
  vi.spyOn(Math, "random").mockReturnValue(0);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function spyLogger() {
  return { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() } satisfies Logger;
}

function client(
  reply: FakeReply | Responder = NOT_FOUND,
  config: { fetch?: FetchLike; logger?: Logger; maxRetries?: number } = {},
): PhalaCloudClient<"2026-01-21"> {
  return createClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fakeFetch(reply).fetch,
    ...config,
  });
}

/** Every payload a listener of `type` receives. */
function collect(target: Pick<PhalaCloudClient, "on">) {
  const errors: ClientEventMap["error"][] = [];
  target.on("error", (error) => void errors.push(error));
  return errors;
}

describe("client.on('error')", () => {
  it("gets the PhalaCloudError the call throws, once per failed call", async () => {
    const c = client();
    const errors = collect(c);
    const thrown = await c.getCvmInfo({ id: "cvm_1" }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect(errors).toEqual([thrown]);
    expect(errors[0]).toBe(thrown);
    expect(errors[0]).toMatchObject({ status: 404, errorCode: "ERR-404", endpoint: "getCvmInfo" });
  });

  it("gets the errors of safe* calls too, the very error the result carries", async () => {
    const c = client({ status: 401, body: { detail: "bad key" } });
    const errors = collect(c);
    const result = await c.safeGetCurrentUser();
    expect(result.success).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(result.error);
    expect(errors[0]).toBeInstanceOf(AuthenticationError);
  });

  it("fires once for a call that fails after its retries, with the final error", async () => {
    const c = client((_call, index) => (index < 2 ? { status: 503, body: {} } : NOT_FOUND), {
      maxRetries: 2,
    });
    const errors = collect(c);
    await c.getCvmInfo({ id: "cvm_1" }).catch(() => {});
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(NotFoundError);
  });

  it("is not fired by a call that succeeds, even after a retry", async () => {
    const c = client((_call, index) =>
      index === 0 ? { status: 503, body: {} } : { body: currentUserV20260121() },
    );
    const errors = collect(c);
    await c.getCurrentUser();
    expect(errors).toEqual([]);
  });

  it("gets connection failures, raw requests and watchCvmState's final error", async () => {
    const failing: FetchLike = async () => {
      throw new TypeError("fetch failed");
    };
    const offline = client(undefined, { fetch: failing, maxRetries: 0 });
    const offlineErrors = collect(offline);
    await offline.getCurrentUser().catch(() => {});
    expect(offlineErrors[0]).toBeInstanceOf(APIConnectionError);

    const c = client();
    const errors = collect(c);
    await c.request({ path: "/anything" }).catch(() => {});
    await c.watchCvmState({ id: "cvm_1", target: "running" }).catch(() => {});
    expect(errors.map((e) => [e.constructor, e.path])).toEqual([
      [NotFoundError, "/anything"],
      [NotFoundError, "/cvms/cvm_1/state"],
    ]);
  });

  it("is not fired for arguments refused before sending, nor for a body that fails validation (as @phala/cloud)", async () => {
    const c = client({ body: { unexpected: true } });
    const errors = collect(c);
    // @ts-expect-error no id
    await expect(c.getCvmInfo({})).rejects.toBeInstanceOf(RequestValidationError);
    await expect(c.getCurrentUser()).rejects.toBeInstanceOf(ResponseValidationError);
    const safe = await c.safeGetCurrentUser();
    expect(safe.error).toBeInstanceOf(ResponseValidationError);
    expect(errors).toEqual([]);
  });

  it("runs after the config's own hooks.onError, which keep working", async () => {
    const order: string[] = [];
    const c = createClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fakeFetch(NOT_FOUND).fetch,
      hooks: { onError: () => void order.push("hook") },
    });
    c.on("error", () => void order.push("listener"));
    await c.getCvmInfo({ id: "cvm_1" }).catch(() => {});
    expect(order).toEqual(["hook", "listener"]);
  });
});

describe("'*', once, off", () => {
  it("'*' gets every event with its name, after the event's own listeners (mitt's order)", async () => {
    const c = client();
    const seen: unknown[] = [];
    c.on("*", (type, error) => void seen.push(["*", type, error]));
    c.on("error", (error) => void seen.push(["error", error]));
    const thrown = await c.getCvmInfo({ id: "cvm_1" }).catch((e: unknown) => e);
    expect(seen).toEqual([
      ["error", thrown],
      ["*", "error", thrown],
    ]);
  });

  it("once fires for the next event only; on keeps firing", async () => {
    const c = client();
    const once = vi.fn();
    const always = vi.fn();
    const wildcardOnce = vi.fn();
    c.once("error", once);
    c.on("error", always);
    c.once("*", wildcardOnce);
    await c.getCvmInfo({ id: "a" }).catch(() => {});
    await c.getCvmInfo({ id: "b" }).catch(() => {});
    expect(once).toHaveBeenCalledTimes(1);
    expect(once.mock.calls[0]![0]).toMatchObject({ path: "/cvms/a" });
    expect(wildcardOnce).toHaveBeenCalledTimes(1);
    expect(always).toHaveBeenCalledTimes(2);
  });

  it("off removes exactly that listener, on or once; the others stay", async () => {
    const c = client();
    const kept = vi.fn();
    const removed = vi.fn();
    const removedOnce = vi.fn();
    const removedWildcard = vi.fn();
    c.on("error", kept);
    c.on("error", removed);
    c.once("error", removedOnce);
    c.on("*", removedWildcard);
    c.off("error", removed);
    c.off("error", removedOnce);
    c.off("*", removedWildcard);
    c.off("error", () => {}); // never registered: nothing happens
    await c.getCvmInfo({ id: "a" }).catch(() => {});
    expect(kept).toHaveBeenCalledTimes(1);
    expect(removed).not.toHaveBeenCalled();
    expect(removedOnce).not.toHaveBeenCalled();
    expect(removedWildcard).not.toHaveBeenCalled();
  });

  it("a function registered twice is called twice, and off removes one registration (mitt)", async () => {
    const c = client();
    const twice = vi.fn();
    c.on("error", twice);
    c.on("error", twice);
    await c.getCvmInfo({ id: "a" }).catch(() => {});
    expect(twice).toHaveBeenCalledTimes(2);
    c.off("error", twice);
    await c.getCvmInfo({ id: "b" }).catch(() => {});
    expect(twice).toHaveBeenCalledTimes(3);
  });

  it("off(type) without a listener removes every listener of that type only", async () => {
    const c = client();
    const a = vi.fn();
    const b = vi.fn();
    const wildcard = vi.fn();
    c.on("error", a);
    c.once("error", b);
    c.on("*", wildcard);
    c.off("error");
    await c.getCvmInfo({ id: "a" }).catch(() => {});
    expect(a).not.toHaveBeenCalled();
    expect(b).not.toHaveBeenCalled();
    expect(wildcard).toHaveBeenCalledTimes(1);
  });

  it("a listener added or removed while an event is delivered takes effect from the next one", async () => {
    const c = client();
    const late = vi.fn();
    const second = vi.fn();
    c.on("error", () => {
      c.on("error", late);
      c.off("error", second);
    });
    c.on("error", second);
    await c.getCvmInfo({ id: "a" }).catch(() => {});
    expect(late).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    await c.getCvmInfo({ id: "b" }).catch(() => {});
    expect(late).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("a once listener is not called again when it removed itself first", async () => {
    const c = client();
    const listener = vi.fn(() => c.off("error", listener));
    c.once("error", listener);
    await c.getCvmInfo({ id: "a" }).catch(() => {});
    await c.getCvmInfo({ id: "b" }).catch(() => {});
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("refuses an unknown event name or a listener that is not a function", () => {
    const c = client();
    // @ts-expect-error no such event
    expect(() => c.on("response", () => {})).toThrow(/unknown event "response"/);
    // @ts-expect-error no such event
    expect(() => c.off("errors")).toThrow(TypeError);
    // @ts-expect-error a listener is a function
    expect(() => c.once("error", "log")).toThrow(/must be a function/);
  });
});

describe("listeners that fail", () => {
  it("a throwing or rejecting listener is logged, with the key redacted; the call and the other listeners go on", async () => {
    const logger = spyLogger();
    const c = client(NOT_FOUND, { logger });
    const after = vi.fn();
    c.on("error", () => {
      throw new Error(`listener saw ${TEST_API_KEY}`);
    });
    c.on("error", async () => {
      throw new Error("async boom");
    });
    c.on("error", after);
    const thrown = await c.getCvmInfo({ id: "cvm_1" }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect(after).toHaveBeenCalledWith(thrown);
    await vi.waitFor(() => expect(logger.error).toHaveBeenCalledTimes(2));
    const lines = inspect(logger.error.mock.calls, { depth: 10 });
    expect(lines).toContain('A client "error" listener threw; the call goes on');
    expect(lines).toContain(`listener saw ${REDACTED}`);
    expect(lines).toContain("async boom");
    expect(lines).not.toContain(TEST_API_KEY);
  });

  it("a safe call still resolves when a listener throws", async () => {
    const c = client(NOT_FOUND, { logger: spyLogger() });
    c.on("error", () => {
      throw new Error("boom");
    });
    const result = await c.safeGetCvmInfo({ id: "cvm_1" });
    expect(result.error).toBeInstanceOf(NotFoundError);
  });
});

describe("the key never in a payload", () => {
  it("not when the server echoes the key in the body, nor in a connection error's message", async () => {
    const echoing = client({
      status: 401,
      body: { detail: { error_code: "ERR-AUTH", message: `bad key ${TEST_API_KEY}` } },
    });
    const failing: FetchLike = async () => {
      throw new TypeError(`refused ${TEST_API_KEY}`);
    };
    const offline = client(undefined, { fetch: failing, maxRetries: 0 });
    // (A connection error's `cause` is the fetch implementation's own error, kept
    // as it was thrown: what it quotes is its own. Message, JSON and String are the SDK's.)
    const payloads: unknown[] = [];
    for (const c of [echoing, offline]) {
      c.on("error", (error) => void payloads.push(error));
      c.on("*", (type, error) => void payloads.push({ type, error }));
      await c.getCurrentUser().catch(() => {});
      await c.safeGetCvmInfo({ id: "cvm_1" });
    }
    expect(payloads).toHaveLength(8);
    for (const payload of payloads) {
      const error =
        payload instanceof PhalaCloudError ? payload : (payload as { error: Error }).error;
      expect(error.message).not.toContain(TEST_API_KEY);
      expect(JSON.stringify(payload)).not.toContain(TEST_API_KEY);
      expect(String(error)).not.toContain(TEST_API_KEY);
    }
    const echoed = payloads[0] as PhalaCloudError;
    expect(inspect(echoed, { depth: 10, showHidden: true })).not.toContain(TEST_API_KEY);
    expect(echoed.message).toContain(REDACTED);
  });
});

describe("listeners belong to the client and every client derived from it", () => {
  it("withVersion, extend(fn) and extend(actions) share the listeners, whichever registered them", async () => {
    const c = client(
      (call) =>
        call.headers["x-phala-version"] === "2025-10-28" ? { status: 500, body: {} } : NOT_FOUND,
      { maxRetries: 0 },
    );
    const legacy = c.withVersion("2025-10-28");
    const extended = c.extend((x) => ({ me: () => x.getCurrentUser() }));
    const rebound = c.extend({ getCvmInfo });
    const onBase = collect(c);
    const onLegacy = collect(legacy);
    await legacy.getCurrentUser().catch(() => {});
    await extended.me().catch(() => {});
    await rebound.getCvmInfo({ id: "cvm_1" }).catch(() => {});
    expect(onBase.map((e) => [e.status, e.apiVersion])).toEqual([
      [500, "2025-10-28"],
      [404, "2026-01-21"],
      [404, "2026-01-21"],
    ]);
    expect(onLegacy).toEqual(onBase);
    // Removed on one, removed for all: it is the same listener list.
    const spy = vi.fn();
    extended.on("error", spy);
    legacy.off("error", spy);
    await c.getCvmInfo({ id: "cvm_1" }).catch(() => {});
    expect(spy).not.toHaveBeenCalled();
  });

  it("separate createClient calls have separate listeners", async () => {
    const a = client();
    const b = client();
    const onA = collect(a);
    await b.getCvmInfo({ id: "cvm_1" }).catch(() => {});
    expect(onA).toEqual([]);
  });

  it("createBaseClient has none; extend(clientEvents) adds them, once per client however often it is given", async () => {
    const base = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fakeFetch((call) =>
        call.url.endsWith("/auth/me") ? { body: currentUserV20251028() } : NOT_FOUND,
      ).fetch,
    });
    expect("on" in base).toBe(false);
    const withEvents = base.extend(clientEvents).extend(clientEvents);
    const again = base.extend(clientEvents);
    const errors = collect(withEvents);
    // Calls of the client they were added to, and of the clients it shares its transport with.
    const thrown = await getCvmInfo(base, { id: "cvm_1" }).catch((e: unknown) => e);
    await getCvmInfo(again.withVersion("2025-10-28"), { id: "cvm_2" }).catch(() => {});
    await getCurrentUser(withEvents.withVersion("2025-10-28"));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBe(thrown);
    expect(errors[1]).toMatchObject({ path: "/cvms/cvm_2", apiVersion: "2025-10-28" });
    expect(Object.keys(withEvents)).toEqual(expect.arrayContaining(["on", "once", "off"]));
  });

  it("an adapter's createClient (withRuntime) has them too", async () => {
    const fake = fakeFetch(NOT_FOUND);
    const runtime = withRuntime<{ pool?: number }>({
      configure: ({ pool: _pool, ...config }) => ({ ...config, fetch: fake.fetch }),
    });
    const c = runtime.createClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL, pool: 1 });
    const errors = collect(c);
    await c.safeGetCvmInfo({ id: "cvm_1" });
    expect(errors[0]).toBeInstanceOf(NotFoundError);
  });

  it("watchCvmState on a derived client reports to the same listeners", async () => {
    const c = client();
    const errors = collect(c);
    await watchCvmState(c.withVersion("2025-10-28"), { id: "cvm_1", target: "running" }).catch(
      () => {},
    );
    expect(errors).toHaveLength(1);
  });
});
