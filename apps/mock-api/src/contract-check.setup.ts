// Checks every answer the mock gives in this package's tests against the API
// contract (@phala/cloud-contract): each test file fails after its tests when
// one does not conform. Servers started with `faults` are left unchecked (they
// answer wrongly on purpose), and so are paths outside /api/v1 (no API there).
//
// The reference documents 2025-10-28 and 2026-01-21. An answer in a later version
// whose endpoint a later change reaches (by the SDK's VERSION_CHANGES: hashids
// from 2026-05-22, KMS contracts from 2026-06-23) has a shape the reference does
// not know: it is checked with the SDK's own schema of that endpoint and version
// instead. An answer in a version neither knows (a test's extra version) is left
// to its test.
import {
  checkExchange,
  DOCUMENTED_VERSIONS,
  type Exchange,
  recordSummary,
} from "@phala/cloud-contract";
import { afterAll, expect, vi } from "vitest";
import type { MockAppOptions, ObservedExchange } from "./app";
import { sdkSchemaProblems, sdkSchemaReaching } from "./internal/test-support";
import { isApiVersion as knownToSdk } from "./versions/chain";

let checked = 0;
const problems: string[] = [];

const documented = (version: string) =>
  (DOCUMENTED_VERSIONS as readonly string[]).includes(version);

function record(exchange: ObservedExchange): void {
  const path = new URL(exchange.url).pathname;
  if (!path.startsWith("/api/v1/")) return;
  const version = exchange.headers.get("x-phala-version") ?? "";
  if (!documented(version) && !knownToSdk(version)) return;
  checked++;
  const endpoint = exchange.endpoint;
  if (!documented(version) && endpoint !== undefined && exchange.status < 300) {
    const schema = sdkSchemaReaching(endpoint, version, DOCUMENTED_VERSIONS.at(-1) as string);
    if (schema) {
      const where = `${exchange.method} ${path} -> ${exchange.status} (${version}, SDK ${endpoint})`;
      problems.push(
        ...sdkSchemaProblems(schema, JSON.parse(exchange.text)).map((p) => `${where}: ${p}`),
      );
      return;
    }
  }
  const sent: Exchange = {
    method: exchange.method,
    path,
    status: exchange.status,
    version,
    contentType: exchange.headers.get("content-type"),
    text: exchange.text,
  };
  problems.push(...checkExchange(sent));
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
  // The test file's path under src/ (`routes-cvms-list` for routes/cvms/list.test.ts):
  // test files of different folders may share a name.
  const name = file
    .replace(/^.*\/src\//, "")
    .replace(/\.test\.ts$/, "")
    .replaceAll("/", "-");
  recordSummary(`mock-api-${name}`, { checked, problems: problems.length });
  expect(problems, `${problems.length} of ${checked} mock answers break the contract`).toEqual([]);
});
