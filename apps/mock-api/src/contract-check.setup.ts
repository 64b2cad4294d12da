// Checks every answer the mock gives in this package's tests against the API
// contract (@phala/cloud-contract): each test file fails after its tests when
// one does not conform. Servers started with `faults` are left unchecked (they
// answer wrongly on purpose), and so are paths outside /api/v1 (no API there).
import { contractResponseSchema, ExchangeLog, recordSummary } from "@phala/cloud-contract";
import { afterAll, expect, vi } from "vitest";
import type { MockAppOptions, ObservedExchange } from "./app";

const log = new ExchangeLog();

function record(exchange: ObservedExchange): void {
  const path = new URL(exchange.url).pathname;
  if (!path.startsWith("/api/v1/")) return;
  log.record({
    method: exchange.method,
    path,
    status: exchange.status,
    version: exchange.headers.get("x-phala-version") ?? "",
    contentType: exchange.headers.get("content-type"),
    text: exchange.text,
  });
}

/**
 * A status the reference omits but contract/exceptions.json documents (the 465
 * of `PATCH /cvms/{cvm_id}/compose_file`): checkExchange reads the exceptions'
 * bodies but not yet their statuses.
 */
function documentedByExceptions(problem: string): boolean {
  const found = /\((\d{4}-\d{2}-\d{2})\): (\w+ \S+) does not answer (\d+) /.exec(problem);
  if (!found) return false;
  const [, version, operation, status] = found as unknown as [string, string, string, string];
  // The reference has no body for a status it does not list: any schema found
  // for it comes from the exceptions.
  return contractResponseSchema(operation, status, version) !== undefined;
}

vi.mock("./app", async (importOriginal) => {
  const original = await importOriginal<typeof import("./app")>();
  return {
    ...original,
    createMockApp(options: MockAppOptions = {}) {
      if (options.faults !== undefined) return original.createMockApp(options);
      return original.createMockApp({
        ...options,
        onResponse(exchange) {
          record(exchange);
          options.onResponse?.(exchange);
        },
      });
    },
  };
});

afterAll(() => {
  const file = expect.getState().testPath ?? "";
  const name = file.replace(/^.*\//, "").replace(/\.test\.ts$/, "");
  const problems = log.problems.filter((problem) => !documentedByExceptions(problem));
  recordSummary(`mock-api-${name}`, { checked: log.checked, problems: problems.length });
  expect(problems, `${problems.length} of ${log.checked} mock answers break the contract`).toEqual(
    [],
  );
});
