// Node-side helpers of the conformance tests (src/conformance-*.test.ts): where
// each SDK entry and each tool lives, and how a report becomes a printed table.
// The suite itself (suite.mjs) uses none of this.
import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type RunningMockApi, type StartMockApiOptions, startMockApi } from "@phala/cloud-mock-api";
import { expect } from "vitest";
import { contractCheck, suiteName } from "../src/harness";
import { CHECK_NAMES, type ConformanceReport, formatReports } from "./suite.mjs";

export { CHECK_NAMES, type ConformanceReport, formatReports };

export const INTEGRATION_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = resolve(INTEGRATION_DIR, "../..");

const PACKAGE_DIRS = {
  "@phala/cloud": "packages/cloud",
  "@phala/cloud-node": "packages/node",
  "@phala/cloud-edge": "packages/edge",
  "@phala/cloud-deno": "packages/deno",
} as const;

export type SdkName = keyof typeof PACKAGE_DIRS;

export interface SdkEntry {
  name: SdkName;
  /** The built ESM entry, `packages/<dir>/dist/index.js`. */
  dist: string;
  /** True when `dist/index.js` exists. */
  built: boolean;
  /** True when apps/integration/node_modules links the package (it is a dependency). */
  linked: boolean;
  /** How the entry is loaded, for reports. */
  via: string;
}

export function sdkEntry(name: SdkName): SdkEntry {
  const dist = join(ROOT, PACKAGE_DIRS[name], "dist", "index.js");
  const linked = existsSync(join(INTEGRATION_DIR, "node_modules", name, "package.json"));
  return {
    name,
    dist,
    built: existsSync(dist),
    linked,
    via: linked ? "node_modules" : `path ${relative(INTEGRATION_DIR, dist)}`,
  };
}

/** Imports an entry by its package name when linked, else by the path of its dist. */
export function importSdk(entry: SdkEntry): Promise<Record<string, unknown>> {
  const specifier = entry.linked ? entry.name : pathToFileURL(entry.dist).href;
  return import(/* @vite-ignore */ specifier);
}

/**
 * Resolves a package from apps/integration first (once it is a devDependency
 * there), else from the workspace package that has it today.
 */
export function resolveFrom(name: string, fallbacks: string[]): string {
  for (const dir of [INTEGRATION_DIR, ...fallbacks.map((d) => join(ROOT, d))]) {
    try {
      return createRequire(join(dir, "package.json")).resolve(name);
    } catch {
      // not installed there
    }
  }
  throw new Error(
    `${name} is installed neither in apps/integration nor in ${fallbacks.join(", ")}`,
  );
}

/** The package folder of an installed package (real path, through pnpm's links). */
export function packageDirFrom(name: string, fallbacks: string[]): string {
  for (const dir of [INTEGRATION_DIR, ...fallbacks.map((d) => join(ROOT, d))]) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
  }
  throw new Error(
    `${name} is installed neither in apps/integration nor in ${fallbacks.join(", ")}`,
  );
}

export async function importFrom<T>(name: string, fallbacks: string[]): Promise<T> {
  return (await import(/* @vite-ignore */ pathToFileURL(resolveFrom(name, fallbacks)).href)) as T;
}

/** Prints the report and fails with the names and errors of the failing checks. */
export function expectAllPassed(report: ConformanceReport | undefined, runtime: string): void {
  expect(report, "no report").toBeDefined();
  if (!report) return;
  expect(report.runtime).toBe(runtime);
  expect(report.detectedRuntime).toBe(runtime);
  expect(report.results.map((r) => r.name)).toEqual(CHECK_NAMES);
  const failed = report.results.filter((r) => !r.ok);
  expect(
    failed.map((r) => `${r.name}: ${r.error}`),
    `${runtime} / ${report.sdk}: ${failed.length} of ${report.results.length} checks failed`,
  ).toEqual([]);
}

/** A one-line summary per report: runtime, version, SDK entry, how it was loaded, counts. */
export function summary(report: ConformanceReport, via: string): string {
  const passed = report.results.filter((r) => r.ok).length;
  return `[conformance] ${report.runtime}${report.runtimeVersion ? ` ${report.runtimeVersion}` : ""} | ${report.sdk} (${via}) | ${passed}/${report.results.length} passed | ${report.ms} ms`;
}

/**
 * Starts the mock API for a conformance test file with each of its answers
 * checked against the contract: `close()` stops it, writes the count to
 * `.contract-results/mock-<file>.json` and fails (in the file's `afterAll`)
 * listing every answer that does not conform. `file` is the test file's
 * `import.meta.url` or path.
 */
export async function startCheckedMockApi(
  file: string,
  options: StartMockApiOptions = {},
): Promise<RunningMockApi> {
  const contract = contractCheck();
  const mock = await startMockApi({
    ...options,
    onResponse: (exchange) => {
      contract.onResponse(exchange);
      options.onResponse?.(exchange);
    },
  });
  const close = mock.close;
  let verified = false;
  return Object.assign(mock, {
    async close() {
      await close();
      if (verified) return;
      verified = true;
      contract.verify(suiteName(file.startsWith("file:") ? fileURLToPath(file) : file));
    },
  });
}
