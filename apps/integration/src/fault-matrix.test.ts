// Issue 5's proof: every fault x (GET, POST) x (each adapter that exists in
// Node) -> the outcome, the attempts the server saw, the retries the hooks saw,
// and the elapsed time within bounds. Each case has its own deadline; at the
// end, no unhandled rejection and no timer or socket left behind.
//
// Adapters: `@phala/cloud` (default condition, global fetch) and
// `@phala/cloud-node` (undici pool). workerd and Deno are covered by the
// conformance suite (conformance-workerd.test.ts, conformance-deno.test.ts);
// the faults here need the mock's raw Node sockets, so this file is Node only.
import {
  type KeyTrap,
  type RunningMockApi,
  SEED,
  startKeyTrap,
  startMockApi,
} from "@phala/cloud-mock-api";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADAPTERS, type Sdk } from "./fault-matrix/adapters";
import {
  CASES,
  type FaultCase,
  MAX_RESPONSE_BYTES,
  METHODS,
  type Method,
  type Outcome,
  PATHS,
  type RetrySeen,
} from "./fault-matrix/cases";
import {
  activeResources,
  collectUnhandledRejections,
  formatMatrix,
  type MatrixRow,
  settle,
  withDeadline,
} from "./fault-matrix/support";

const API_KEY = SEED.apiKeys.demo;
const CASE_DEADLINE_MS = 15_000;
const DEFAULT_MAX_MS = 15_000;

const rows: MatrixRow[] = [];
const rejections = collectUnhandledRejections();
let baseline: Record<string, number> = {};

beforeAll(() => {
  rejections.start();
  baseline = activeResources();
});

afterAll(() => {
  rejections.stop();
  console.log(formatMatrix(rows));
});

for (const adapter of ADAPTERS) {
  describe.skipIf(!adapter.built)(`${adapter.name} (${adapter.via})`, () => {
    let sdk: Sdk;
    let mock: RunningMockApi;
    let trap: KeyTrap;
    let client: ReturnType<Sdk["createClient"]>;
    /** "METHOD /path" of each request the mock received. */
    const received: string[] = [];
    const retriesSeen: RetrySeen[] = [];

    beforeAll(async () => {
      sdk = await adapter.load();
      mock = await startMockApi({
        faults: [],
        onRequest: ({ method, url }) => received.push(`${method} ${new URL(url).pathname}`),
      });
      trap = await startKeyTrap();
      // One client per adapter (one undici pool for cloud-node), as an app holds it.
      client = sdk.createClient({
        apiKey: API_KEY,
        baseURL: mock.url,
        timeout: 5_000,
        maxResponseBytes: MAX_RESPONSE_BYTES,
        hooks: {
          onRetry: ({ attempt, retryReason, delayMs }) =>
            void retriesSeen.push({ attempt, retryReason, delayMs }),
        },
      });
    });

    afterAll(async () => {
      await mock?.close();
      await trap?.close();
    });

    it(`calls ${adapter.globalFetch ? "" : "no "}global fetch`, async () => {
      mock.setFaults([]);
      // Replaced by hand: Node's global fetch is a lazy accessor that vi.spyOn does not wrap.
      const original = globalThis.fetch;
      let calls = 0;
      globalThis.fetch = (...args: Parameters<typeof fetch>) => {
        calls++;
        return original(...args);
      };
      try {
        await client.getCvmInfo({ name: "cvm-abc123" });
      } finally {
        globalThis.fetch = original;
      }
      expect(calls).toBe(adapter.globalFetch ? 1 : 0);
    });

    // GET: getCvmInfo (GET /cvms/cvm-abc123); POST: getCvmStatusBatch (POST /status/batch).
    const call = async (method: Method, options: Record<string, unknown>): Promise<unknown> => {
      if (method === "GET") return await client.getCvmInfo({ name: "cvm-abc123" }, options);
      return await client.getCvmStatusBatch({ vmUuids: [SEED.exampleCvm.vmUuid] }, options);
    };

    for (const fault of CASES) {
      for (const method of METHODS) {
        const expected = fault.expect[method];
        if (!expected) continue;
        it(`${fault.name} x ${method} -> ${expected.result}, ${expected.attempts} attempt(s)`, async () => {
          await runCase(fault, method, expected);
        }, 20_000);
      }
    }

    async function runCase(fault: FaultCase, method: Method, expected: Outcome) {
      const path = PATHS[method];
      mock.setFaults([
        {
          name: fault.name,
          method,
          path,
          steps: fault.steps({ method, path, trapUrl: trap.url }),
          repeat: fault.repeat ?? false,
        },
      ]);
      received.length = 0;
      retriesSeen.length = 0;
      trap.received.length = 0;

      // Full jitter with random() = 0: every backoff wait is 0 ms.
      const random = vi.spyOn(Math, "random").mockReturnValue(0);
      const started = performance.now();
      let data: unknown;
      let error: unknown;
      try {
        data = await withDeadline(CASE_DEADLINE_MS, (signal) =>
          call(method, { ...fault.call, signal }),
        );
      } catch (caught) {
        error = caught;
      } finally {
        random.mockRestore();
      }
      const elapsed = performance.now() - started;
      // A dropped or hung request may reach the server's log a tick late.
      await settle();
      const attempts = received.filter((r) => r === `${method} /api/v1${path}`).length;

      rows.push({
        adapter: adapter.name,
        fault: fault.name,
        method,
        expected: expected.result,
        got: error === undefined ? "ok" : ((error as Error).name ?? String(error)),
        attempts,
        retries: retriesSeen.map((r) => `${r.retryReason}/${r.delayMs}`).join(" "),
        ms: Math.round(elapsed),
      });

      // The outcome.
      if (expected.result === "ok") {
        expect(error, `expected success, got ${String(error)}`).toBeUndefined();
        if (method === "GET") expect(data).toMatchObject({ name: "cvm-abc123" });
        else expect(Object.keys(data as object)).toEqual([SEED.exampleCvm.vmUuid]);
      } else {
        expect(error, `expected ${expected.result}, the call succeeded`).toBeDefined();
        const ErrorClass = sdk[expected.result] as unknown as new (...args: never[]) => Error;
        expect(error, String(error)).toBeInstanceOf(ErrorClass);
        expect((error as Error).name).toBe(expected.result);
        expect((error as { method?: string }).method).toBe(method);
        expected.check?.(error as Record<string, unknown>);
        // Whatever failed, the key is nowhere in the error.
        const shown = [
          String(error),
          (error as Error).stack ?? "",
          JSON.stringify(error),
          String((error as { bodyExcerpt?: string }).bodyExcerpt ?? ""),
        ].join("\n");
        expect(shown.includes(API_KEY)).toBe(false);
      }

      // The attempts: what the server saw and what the hooks saw.
      expect(attempts, `requests the server saw for ${method} ${path}`).toBe(expected.attempts);
      expect(retriesSeen.map((r) => [r.retryReason, r.delayMs])).toEqual(expected.retries);
      expect(retriesSeen.map((r) => r.attempt)).toEqual(expected.retries.map((_, i) => i + 1));

      // The time, within generous bounds.
      if (expected.minMs !== undefined) expect(elapsed).toBeGreaterThanOrEqual(expected.minMs);
      expect(elapsed).toBeLessThan(expected.maxMs ?? DEFAULT_MAX_MS);

      if (fault.trapMustStayEmpty) {
        expect(trap.received.filter((r) => r.apiKey !== undefined)).toEqual([]);
        // Stronger (SECURITY.md): the other origin receives no request at all.
        expect(trap.received).toEqual([]);
      }
    }
  });
}

it("no unhandled rejection; no timer or socket left behind once the servers are closed", async () => {
  expect(rejections.seen).toEqual([]);
  // Sockets close a little after the servers drop them; wait for the counts to settle.
  const deadline = Date.now() + 3_000;
  let now = activeResources();
  const leaked = () =>
    Object.entries(now).filter(
      ([type, count]) =>
        ["Timeout", "TCPSocketWrap", "TCPServerWrap"].includes(type) &&
        count > (baseline[type] ?? 0),
    );
  while (leaked().length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    now = activeResources();
  }
  console.log(
    `[fault-matrix] active resources before: ${JSON.stringify(baseline)}, after: ${JSON.stringify(now)}`,
  );
  expect(
    Object.fromEntries(leaked()),
    `active resources before: ${JSON.stringify(baseline)}, now: ${JSON.stringify(now)}`,
  ).toEqual({});
});
