// The conformance suite (conformance/suite.mjs) in Node, against the mock API on
// 127.0.0.1: through `@phala/cloud` and, when built, the undici adapter
// `@phala/cloud-node`; and through `@phala/cloud` bundled by esbuild for Node,
// which must bundle what the package loads lazily (undici, the zod schema
// modules). One test per check, named runtime > entry > check.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHECK_NAMES,
  type ConformanceReport,
  expectAllPassed,
  formatReports,
  INTEGRATION_DIR,
  importFrom,
  importSdk,
  type SdkName,
  sdkEntry,
  startCheckedMockApi,
  summary,
} from "../conformance/harness";
import { runConformance } from "../conformance/suite.mjs";

const RUNTIME = "node";
const ENTRIES = (["@phala/cloud", "@phala/cloud-node"] as SdkName[]).map(sdkEntry);

let mock: Awaited<ReturnType<typeof startCheckedMockApi>> | undefined;
beforeAll(async () => {
  mock = await startCheckedMockApi(import.meta.url, { transitionMs: 50, streamSecondMs: 4 });
});
afterAll(async () => {
  await mock?.close();
});

for (const entry of ENTRIES) {
  describe.skipIf(!entry.built)(`${RUNTIME} > ${entry.name} (${entry.via})`, () => {
    let report: ConformanceReport | undefined;
    beforeAll(async () => {
      const sdk = await importSdk(entry);
      report = await runConformance(sdk, {
        baseURL: mock!.url,
        runtime: RUNTIME,
        sdkName: entry.name,
      });
      console.log(`${summary(report, entry.via)}\n${formatReports([report])}`);
    }, 120_000);

    it("ran every check in Node, and every check passed", () => {
      expectAllPassed(report, RUNTIME);
    });

    for (const name of CHECK_NAMES) {
      it(name, () => {
        const result = report?.results.find((r) => r.name === name);
        expect(result, "no result").toBeDefined();
        expect(result?.error ?? "", `${RUNTIME} / ${entry.name}`).toBe("");
        expect(result?.ok).toBe(true);
      });
    }
  });
}

// The slice of esbuild used here (loaded by path, as in conformance-workerd.test.ts).
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    outputFiles: { text: string }[];
    metafile: {
      inputs: Record<string, unknown>;
      outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
    };
  }>;
}

describe(`${RUNTIME} > @phala/cloud bundled by esbuild for Node (ESM)`, () => {
  let report: ConformanceReport | undefined;
  let inputs: string[] = [];
  let external: string[] = [];
  beforeAll(async () => {
    const esbuild = await importFrom<Esbuild>("esbuild", ["bench"]);
    const result = await esbuild.build({
      stdin: { contents: 'export * from "@phala/cloud";', resolveDir: INTEGRATION_DIR },
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
      // undici is CommonJS: its `require`s of Node built-ins need a real require.
      banner: {
        js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
      },
    });
    const script = result.outputFiles[0]?.text ?? "";
    inputs = Object.keys(result.metafile.inputs);
    external = Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.filter((i) => i.external).map((i) => i.path),
    );
    // Anywhere: the bundle imports nothing but Node's built-ins (checked below).
    const scratch = mkdtempSync(join(tmpdir(), "phala-cloud-bundle-"));
    try {
      const file = join(scratch, "sdk.mjs");
      writeFileSync(file, script);
      const sdk = await import(/* @vite-ignore */ pathToFileURL(file).href);
      report = await runConformance(sdk, {
        baseURL: mock!.url,
        runtime: RUNTIME,
        sdkName: "@phala/cloud",
      });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    console.log(`${summary(report, "esbuild bundle")}\n${formatReports([report])}`);
  }, 120_000);

  it("bundles the lazily loaded modules: undici, zod and the lazy schemas, nothing left outside", () => {
    const has = (part: string) => inputs.some((input) => input.includes(part));
    expect(has("/undici/"), "undici").toBe(true);
    expect(has("/zod/"), "zod").toBe(true);
    expect(has("schemas/dist/lazy.js"), "the lazy schemas").toBe(true);
    // Only Node's built-ins stay outside the bundle (`node:sqlite`, which
    // undici names, is one from Node 22 on).
    expect(external.length).toBeGreaterThan(0);
    expect(external.filter((name) => !name.startsWith("node:") && !isBuiltin(name))).toEqual([]);
  });

  it("ran every check, and every check passed", () => {
    expectAllPassed(report, RUNTIME);
  });
});

it.skipIf(ENTRIES.every((e) => e.built))("every SDK entry of the Node run is built", () => {
  const missing = ENTRIES.filter((e) => !e.built).map((e) => `${e.name} (no ${e.dist})`);
  console.warn(`[conformance] node: skipped, not built: ${missing.join(", ")}`);
  // @phala/cloud is a dependency of this app: it must be there.
  expect(sdkEntry("@phala/cloud").built).toBe(true);
});
