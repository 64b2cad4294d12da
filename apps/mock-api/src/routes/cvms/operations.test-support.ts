// Shared by the tests of the CVM operation routes (operations, batch stop,
// metadata, workloads, commits, custom domains): a fresh mock per test with a
// request clock the test moves on, and a transition time chosen per file (long,
// so a move is still under way whatever the machine's load; or short, for the
// tests that wait for one to end).
import { afterEach, beforeEach } from "vitest";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

export const key = SEED.apiKeys.demo;
export const running = SEED.exampleCvm;
export const stopped = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "acme-web-3")!;
export const inference = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "inference-1")!;
export const otherWorkspace = SEED.otherWorkspaceCvms[0]!;
export const START = Date.parse("2026-03-05T10:00:00.000Z");

export interface Mock {
  api: RunningMockApi;
  /** The request clock, moved on by `advance`. */
  clock: number;
  advance(ms: number): void;
  send(
    method: string,
    path: string,
    body?: unknown,
    options?: { version?: string; headers?: Record<string, string> },
  ): Promise<Sent>;
}

export interface Sent {
  status: number;
  body: any;
}

/** A fresh mock before each test of the calling file; `mock()` is the current one. */
export function useOperationsMock(transitionMs: number): () => Mock {
  let current: Mock | undefined;
  beforeEach(async () => {
    let clock = START;
    const api = await startMockApi({ transitionMs, now: () => new Date(clock) });
    current = {
      api,
      get clock() {
        return clock;
      },
      advance: (ms) => {
        clock += ms;
      },
      async send(method, path, body, options = {}) {
        const headers: Record<string, string> = { "X-API-Key": key, ...options.headers };
        if (options.version) headers["X-Phala-Version"] = options.version;
        if (body !== undefined) headers["Content-Type"] = "application/json";
        const response = await fetch(`${api.url}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, body: text ? JSON.parse(text) : undefined };
      },
    };
  });
  afterEach(async () => {
    await current?.api.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("no mock: call inside a test");
    return current;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
