// The official reference's watchCvmState page (`cloud-js-sdk/watch-cvm-state.mdx`):
// the server-sent state stream until a target status, its parameters and
// options, the final state, the events, WatchAbortedError and
// MaxRetriesExceededError. One stream second lasts 4 ms and a status change
// 50 ms in this mock.
import {
  APIUserAbortError,
  type CvmStateEventData,
  type CvmStateStreamEvent,
  CvmStateWatchTimeoutError,
  createBaseClient,
  createClient,
  MaxRetriesExceededError,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
  type SafeResult,
  safeWatchCvmState,
  WatchAbortedError,
  watchCvmState,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import { categoriesOf, pathOf, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

const mock = useDocsMock({ transitionMs: 50, streamSecondMs: 4 });
const seeded = (name: string) => SEED.mainWorkspaceCvms.find((cvm) => cvm.name === name)!;
const client = () => createClient();

describe("watchCvmState: GET /cvms/{cvmId}/state (server-sent events)", () => {
  it("resolves the final state once the CVM reaches target", async () => {
    const c = client();
    await c.startCvm({ id: "acme-web-3" });
    const state = await c.watchCvmState({ id: "acme-web-3", target: "running", interval: 5 });
    expect(pathOf(mock.sent[1])).toBe("/cvms/acme-web-3/state?target=running&interval=5");
    expect(mock.sent[1]?.headers.get("accept")).toMatch(/text\/event-stream/);
    expectTypeOf(state).toEqualTypeOf<CvmStateEventData>();
    expect(state.status).toBe("running");
  });

  it("an already reached target resolves at once", async () => {
    const state = await client().watchCvmState({ id: SEED.exampleCvm.name, target: "running" });
    expect(state.status).toBe("running");
  });

  it("interval (5-30 s) and timeout (10-600 s) are sent; out of range is refused before sending", async () => {
    const c = client();
    await c.watchCvmState({
      id: SEED.exampleCvm.name,
      target: "running",
      interval: 30,
      timeout: 10,
    });
    expect(pathOf(mock.sent[0])).toBe(
      `/cvms/${SEED.exampleCvm.name}/state?target=running&interval=30&timeout=10`,
    );
    for (const bad of [{ interval: 4 }, { interval: 31 }, { timeout: 9 }, { timeout: 601 }]) {
      const error = await rejectionOf(
        c.watchCvmState({ id: SEED.exampleCvm.name, target: "running", ...bad }),
      );
      expect(error, JSON.stringify(bad)).toBeInstanceOf(RequestValidationError);
    }
    expect(mock.sent).toHaveLength(1);
  });

  it("id and target are required", async () => {
    const error = await rejectionOf(
      // @ts-expect-error target left out
      client().watchCvmState({ id: SEED.exampleCvm.name }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
  });
});

describe("Returns: CvmState", () => {
  it("id, instance_id, name, status (= target), uptime, boot_progress, boot_error", async () => {
    const c = client();
    await c.startCvm({ id: "ci-runner-1" });
    const state = await c.watchCvmState({ id: "ci-runner-1", target: "running", interval: 5 });
    const cvm = seeded("ci-runner-1");
    expect(state).toMatchObject({
      name: "ci-runner-1",
      instance_id: cvm.instanceId,
      status: "running",
      boot_error: null,
    });
    expect(state.id).toBe(cvm.id);
    expect(state.vm_uuid).toBe(cvm.vmUuid);
    expect(state.boot_progress).toBe("done");
    expect(typeof state.uptime).toBe("string");
  });
});

describe("Example: Wait for CVM to start (onEvent, timeout)", () => {
  // Documented: `event.status`, `event.boot_progress`. Events are `{ type, data }`
  // (as in the official SDK's code): the state is `event.data` of `state` events.
  it("onEvent in the arguments sees each event as { type, data } (differs: not the state itself)", async () => {
    const c = client();
    await c.startCvm({ id: "ci-runner-3" });
    const events: CvmStateStreamEvent[] = [];
    const state = await c.watchCvmState({
      id: "ci-runner-3",
      target: "running",
      timeout: 120,
      interval: 5,
      onEvent: (event) => events.push(event),
    });
    expect(state.status).toBe("running");
    const states = events.filter((e) => e.type === "state");
    expect(states.length).toBeGreaterThan(0);
    for (const event of states) {
      expect(["starting", "running"]).toContain(event.data.status);
      expect(event.data.name).toBe("ci-runner-3");
    }
    expect(states.at(-1)?.data).toMatchObject({ status: "running", boot_progress: "done" });
    expect(events.at(-1)).toEqual({
      type: "complete",
      data: expect.objectContaining({ status: "running", target: "running" }),
    });
    // The documented `event.status` is `event.data.status`.
    expect("status" in (events[0] as object)).toBe(false);
  });

  it("onEvent and signal also work as options (the second argument); not in both places", async () => {
    const c = client();
    const types: string[] = [];
    await c.watchCvmState(
      { id: SEED.exampleCvm.name, target: "running" },
      { onEvent: (event) => types.push(event.type) },
    );
    expect(types).toEqual(["state", "complete"]);
    const error = await rejectionOf(
      c.watchCvmState(
        { id: SEED.exampleCvm.name, target: "running", onEvent: () => {} },
        { onEvent: () => {} },
      ),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
  });
});

describe("Example: With abort support", () => {
  it("aborting the signal rejects with WatchAbortedError (an APIUserAbortError)", async () => {
    const controller = new AbortController();
    const watch = client().watchCvmState({
      id: "acme-web-3",
      target: "exited",
      interval: 5,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "state") controller.abort();
      },
    });
    const error = await rejectionOf(watch);
    expect(error).toBeInstanceOf(WatchAbortedError);
    expect(error).toBeInstanceOf(APIUserAbortError);
    // Not an HTTP answer: the docs' UnknownError.
    expect(categoriesOf(error)).toEqual(["UnknownError"]);
  });

  it("an already aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(
      client().watchCvmState(
        { id: "acme-web-3", target: "running" },
        { signal: controller.signal },
      ),
    );
    expect(error).toBeInstanceOf(WatchAbortedError);
    expect(mock.sent).toHaveLength(0);
  });
});

describe("maxRetries and retryDelay; MaxRetriesExceededError", () => {
  it("each server timeout starts another attempt; after maxRetries attempts: MaxRetriesExceededError", async () => {
    const error = await rejectionOf(
      client().watchCvmState({
        id: "ci-runner-1",
        target: "exited",
        interval: 5,
        timeout: 10,
        maxRetries: 2,
        retryDelay: 0,
      }),
    );
    expect(error).toBeInstanceOf(MaxRetriesExceededError);
    expect(error).toBeInstanceOf(CvmStateWatchTimeoutError);
    expect((error as MaxRetriesExceededError).attempts).toBe(2);
    expect((error as MaxRetriesExceededError).target).toBe("exited");
    expect((error as MaxRetriesExceededError).lastState?.status).toBe("running");
    expect(mock.sent.map(pathOf)).toEqual(
      Array(2).fill("/cvms/ci-runner-1/state?target=exited&interval=5&timeout=10"),
    );
  });

  it("maxRetries: Infinity keeps watching across server timeouts until the target comes", async () => {
    const c = client();
    await c.stopCvm({ id: "oracle-ap" });
    const timeouts: number[] = [];
    const watch = c.watchCvmState({
      id: "oracle-ap",
      target: "stopped",
      interval: 5,
      timeout: 10,
      maxRetries: Number.POSITIVE_INFINITY,
      retryDelay: 0,
      onEvent: (event) => {
        if (event.type === "timeout") timeouts.push(event.data.elapsed);
      },
    });
    expect((await watch).status).toBe("stopped");
  });

  // Documented default: maxRetries Infinity. Without maxRetries this SDK ends
  // the watch at the server's first timeout event.
  it("without maxRetries the first server timeout rejects with CvmStateWatchTimeoutError", async () => {
    const error = await rejectionOf(
      client().watchCvmState({ id: "ci-runner-1", target: "exited", interval: 5, timeout: 10 }),
    );
    expect(error).toBeInstanceOf(CvmStateWatchTimeoutError);
    expect(error).not.toBeInstanceOf(MaxRetriesExceededError);
    expect(mock.sent).toHaveLength(1);
  });

  it("maxRetries below 1 and a negative retryDelay are refused", async () => {
    for (const bad of [{ maxRetries: 0 }, { retryDelay: -1 }]) {
      const error = await rejectionOf(
        client().watchCvmState({ id: "ci-runner-1", target: "running", ...bad }),
      );
      expect(error, JSON.stringify(bad)).toBeInstanceOf(RequestValidationError);
    }
  });
});

describe("errors the stream answers", () => {
  it("an unknown CVM: 404 at once, never retried", async () => {
    const error = await rejectionOf(
      client().watchCvmState({ id: "no-such-cvm", target: "running", maxRetries: 5 }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError", "ResourceError"]);
    expect(mock.sent).toHaveLength(1);
  });

  it("a sixth concurrent stream: 429, RateLimitError (a BusinessError), not retried", async () => {
    const controller = new AbortController();
    const c = client();
    let streaming = 0;
    let allOpen: () => void = () => {};
    const opened = new Promise<void>((resolve) => {
      allOpen = resolve;
    });
    const open = Array.from({ length: 5 }, () => {
      let first = true;
      return c
        .watchCvmState(
          { id: "ci-runner-1", target: "exited", interval: 30, timeout: 600 },
          {
            signal: controller.signal,
            onEvent: () => {
              if (first && ++streaming === 5) allOpen();
              first = false;
            },
          },
        )
        .catch((error: unknown) => error);
    });
    // Each stream has sent its first event: five are open.
    await opened;
    try {
      const error = await rejectionOf(c.watchCvmState({ id: "ci-runner-1", target: "exited" }));
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).status).toBe(429);
      expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError"]);
    } finally {
      controller.abort();
    }
    for (const ended of await Promise.all(open)) expect(ended).toBeInstanceOf(WatchAbortedError);
  });
});

// Documented: "no safe variant". This SDK has one.
describe("safeWatchCvmState (extra: the page says there is none)", () => {
  it("resolves { success, data } or { success: false, error }", async () => {
    const base = createBaseClient();
    const ok = await safeWatchCvmState(base, { id: SEED.exampleCvm.name, target: "running" });
    expectTypeOf(ok).toEqualTypeOf<SafeResult<CvmStateEventData>>();
    expect(ok.success && ok.data.status).toBe("running");
    const failed = await client().safeWatchCvmState({ id: "missing-cvm", target: "running" });
    expect(failed.error).toBeInstanceOf(NotFoundError);
    // The standalone action takes the same arguments.
    const direct = await watchCvmState(base, { name: SEED.exampleCvm.name, target: "running" });
    expect(direct.name).toBe(SEED.exampleCvm.name);
  });
});
