// Issue 5, "memory returns to baseline", as a deterministic test: after many
// calls through one client (successes, API errors, retries, timeouts, caller
// aborts; sequential and concurrent), nothing made for a call is still
// reachable once the calls are over, nothing is left on the caller's
// AbortSignal, and no timer is left running. Reachability is read from WeakRefs
// after a forced full gc, not from heap sizes or timings: the answer is the
// same on a loaded machine. bench/load.mjs measures the heap of the same load.
// Checked against the SDK made to leak on purpose (in core's build): a listener
// left on the caller's signal, an attempt timer not cleared, responses kept in
// module state; each fails the first test.
import { getEventListeners, setMaxListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type RunningMockApi, SEED, startMockApi } from "@phala/cloud-mock-api";
import { createClient, createNodeFetch, type FetchLike, type NodeFetch } from "@phala/cloud-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeResources } from "./fault-matrix/support";

// A full, synchronous collection on demand without starting vitest with
// --expose-gc: the flag is read when a context is made, so a new one has `gc`.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const ROUNDS = 3;
const CONCURRENT = 30;
// Generous: the calls take a few seconds on a loaded machine; nothing here is timed.
const TEST_TIMEOUT_MS = 120_000;

/** WeakRefs to per-call objects, by kind; holds none of them. */
class Watch {
  readonly #refs: { kind: string; ref: WeakRef<object> }[] = [];

  add(kind: string, value: unknown): void {
    if (typeof value === "object" && value !== null) {
      this.#refs.push({ kind, ref: new WeakRef(value) });
    }
  }

  /** How many objects of each kind were watched. */
  seen(): Record<string, number> {
    return this.#count(() => true);
  }

  /** How many of each kind are still reachable: call after `collect()`. */
  alive(): Record<string, number> {
    return this.#count((ref) => ref.deref() !== undefined);
  }

  #count(keep: (ref: WeakRef<object>) => boolean): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { kind, ref } of this.#refs) if (keep(ref)) counts[kind] = (counts[kind] ?? 0) + 1;
    return counts;
  }
}

/** A caller's controller whose signal every call shares. */
function callerController(): AbortController {
  const controller = new AbortController();
  // The SDK listens once per call in flight: more than Node's warning threshold of 10.
  setMaxListeners(2 * CONCURRENT, controller.signal);
  return controller;
}

/**
 * Full collections, each after a turn of the event loop: a WeakRef's target is
 * kept until the job that made or read it has ended, and undici releases a
 * finished request on the turn after its body is read.
 */
async function collect(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}

let mock: RunningMockApi;
let nodeFetch: NodeFetch;
let resourcesAtStart: Record<string, number>;
/** Aborted by the mock when the request `GET /cvms/hang-abort` arrives. */
let abortWhenReceived: AbortController | undefined;

beforeAll(async () => {
  mock = await startMockApi({
    faults: [
      // Never answers: the call's own timeout, or its caller, ends it.
      { name: "hang", path: /^\/cvms\/hang-/, steps: [{ hang: true }], repeat: true },
      // Busy with `Retry-After: 0`: retried at once, then a 503.
      {
        name: "busy",
        path: /^\/cvms\/busy-/,
        steps: [{ status: 503, retryAfter: 0 }],
        repeat: true,
      },
    ],
    onRequest: ({ url }) => {
      if (new URL(url).pathname.endsWith("/cvms/hang-abort")) abortWhenReceived?.abort();
    },
  });
  nodeFetch = createNodeFetch({ connections: 8 });
  resourcesAtStart = activeResources();
});

afterAll(async () => {
  await nodeFetch?.close();
  await mock?.close();
});

/**
 * The calls of one run, through a client whose fetch watches what the SDK hands
 * it (the request's headers and per-attempt signal) and the Response it reads.
 * Returns nothing of the calls: only what was watched stays, weakly.
 */
async function runCalls(
  watch: Watch,
  callerSignal: AbortSignal,
  fetchImpl: FetchLike = nodeFetch,
): Promise<{ fulfilled: number; rejected: Record<string, number> }> {
  const watchingFetch: FetchLike = async (url, init) => {
    watch.add("fetch init", init);
    watch.add("request Headers", init.headers);
    watch.add("attempt AbortSignal", init.signal);
    const response = await fetchImpl(url, init);
    watch.add("Response", response);
    return response;
  };
  const client = createClient({
    apiKey: SEED.apiKeys.demo,
    baseURL: mock.url,
    fetch: watchingFetch,
    logLevel: "off",
    hooks: {
      onRequest: (event) => watch.add("onRequest event", event),
      onResponse: (event) => watch.add("onResponse event", event),
      onRetry: (event) => watch.add("onRetry event", event),
      onError: (event) => watch.add("onError event", event),
    },
  });

  let fulfilled = 0;
  const rejected: Record<string, number> = {};
  const settle = async (call: () => Promise<unknown>) => {
    const promise = call();
    watch.add("call promise", promise);
    try {
      watch.add("result", await promise);
      fulfilled++;
    } catch (error) {
      watch.add("error", error);
      const name = (error as Error).name;
      rejected[name] = (rejected[name] ?? 0) + 1;
    }
  };
  const ok = (i: number) =>
    i % 2
      ? client.getCurrentUser(undefined, { signal: callerSignal })
      : client.getCvmInfo({ name: "cvm-abc123" }, { signal: callerSignal });

  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < 3; i++) await settle(() => ok(i));
    await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => settle(() => ok(i))));
    await settle(() => client.getCvmInfo({ name: "no-such-cvm" }, { signal: callerSignal }));
    await settle(() =>
      client.getCvmInfo({ name: "busy-1" }, { signal: callerSignal, maxRetries: 1 }),
    );
    await settle(() =>
      client.getCvmInfo({ name: "hang-1" }, { signal: callerSignal, timeout: 50, maxRetries: 0 }),
    );
    // Its own caller's signal, aborted once the mock has received the request.
    const controller = new AbortController();
    abortWhenReceived = controller;
    await settle(() => client.getCvmInfo({ name: "hang-abort" }, { signal: controller.signal }));
    abortWhenReceived = undefined;
  }
  return { fulfilled, rejected };
}

describe("per-call memory (Node adapter, one client)", () => {
  it(
    "nothing of a call stays reachable once it is over, whatever its outcome",
    async () => {
      const watch = new Watch();
      const caller = callerController();
      const outcome = await runCalls(watch, caller.signal);
      await collect();

      expect(outcome.fulfilled).toBe(ROUNDS * (3 + CONCURRENT));
      expect(outcome.rejected).toEqual({
        NotFoundError: ROUNDS,
        // The 503 round: a ServiceUnavailableError, the InternalServerError of 503.
        ServiceUnavailableError: ROUNDS,
        APIConnectionTimeoutError: ROUNDS,
        APIUserAbortError: ROUNDS,
      });
      // Every kind was watched (the test is not vacuous) and none is left.
      const seen = watch.seen();
      for (const kind of [
        "Response",
        "attempt AbortSignal",
        "request Headers",
        "result",
        "error",
      ]) {
        expect(seen[kind], kind).toBeGreaterThan(0);
      }
      expect(watch.alive()).toEqual({});
      // The long-lived caller signal carries no listener of a finished call.
      expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
      // No per-attempt timeout or retry timer is left running.
      expect(activeResources().Timeout ?? 0).toBeLessThanOrEqual(resourcesAtStart.Timeout ?? 0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "would see a leak: responses a fetch keeps stay reachable and are counted",
    async () => {
      const kept: Response[] = [];
      const keepingFetch: FetchLike = async (url, init) => {
        const response = await nodeFetch(url, init);
        kept.push(response);
        return response;
      };
      const watch = new Watch();
      await runCalls(watch, callerController().signal, keepingFetch);
      await collect();

      expect(kept.length).toBeGreaterThan(0);
      expect(watch.alive().Response).toBe(kept.length);
      kept.length = 0;
    },
    TEST_TIMEOUT_MS,
  );
});
