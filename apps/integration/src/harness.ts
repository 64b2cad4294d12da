import { basename } from "node:path";
import { ExchangeLog, recordSummary } from "@phala/cloud-contract";
import { type ObservedExchange, startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, beforeEach, expect, vi } from "vitest";

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
}

/**
 * Checks every answer of a mock against the API contract: pass `onResponse`
 * to the mock, then call `verify()` once its tests are done.
 */
export interface ContractCheck {
  readonly log: ExchangeLog;
  onResponse(exchange: ObservedExchange): void;
  /**
   * Writes the count to `.contract-results/mock-<name>.json` (one file per test
   * file, so files running in parallel keep their own) and fails with each
   * answer that does not conform.
   */
  verify(name: string): void;
}

export function contractCheck(): ContractCheck {
  const log = new ExchangeLog();
  return {
    log,
    onResponse(exchange) {
      log.record({
        method: exchange.method,
        path: new URL(exchange.url).pathname,
        status: exchange.status,
        version: exchange.headers.get("x-phala-version") ?? "",
        contentType: exchange.headers.get("content-type"),
        text: exchange.text,
      });
    },
    verify(name) {
      const { checked, problems } = log;
      recordSummary(`mock-${name}`, { checked, problems: problems.length });
      expect(
        problems,
        `${problems.length} of the mock's ${checked} answers do not conform to the contract`,
      ).toEqual([]);
    },
  };
}

/** A summary name for a test file: `src/workflows.test.ts` -> `workflows`. */
export function suiteName(file: string): string {
  return basename(file).replace(/\.test\.[cm]?[jt]s$/, "");
}

/**
 * Starts the mock API for a test file, points the SDK's environment fallback at
 * it (so the guide's examples run unchanged), records each request the mock
 * receives, and checks each of its answers against the contract (the file fails
 * after its tests when one does not conform).
 */
export function useMockApi(options: Parameters<typeof startMockApi>[0] = {}) {
  const sent: SentRequest[] = [];
  const ctx = { url: "", sent };
  const contract = contractCheck();
  let mock: Awaited<ReturnType<typeof startMockApi>> | undefined;
  let file = "";

  beforeAll(async () => {
    file = expect.getState().testPath ?? "";
    // Recorded by the server, so what any transport sent (global fetch, undici) is seen.
    mock = await startMockApi({
      ...options,
      onRequest: (request) => {
        sent.push(request);
        options.onRequest?.(request);
      },
      onResponse: (exchange) => {
        contract.onResponse(exchange);
        options.onResponse?.(exchange);
      },
    });
    ctx.url = mock.url;
  });
  afterAll(async () => {
    await mock?.close();
    contract.verify(suiteName(file));
  });
  beforeEach(() => {
    sent.length = 0;
    vi.stubEnv("PHALA_CLOUD_API_PREFIX", ctx.url);
    vi.stubEnv("PHALA_CLOUD_API_KEY", "");
    return () => {
      vi.unstubAllEnvs();
    };
  });
  return ctx;
}
