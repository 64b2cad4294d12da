// The conformance suite (conformance/suite.mjs) inside workerd, through Miniflare:
// one Worker per SDK entry (`@phala/cloud-edge` when built, and `@phala/cloud`),
// bundled with esbuild for the Workers export conditions, fetching the mock API
// on 127.0.0.1 from inside the Worker.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHECK_NAMES,
  type ConformanceReport,
  expectAllPassed,
  formatReports,
  INTEGRATION_DIR,
  importFrom,
  type SdkName,
  sdkEntry,
  startCheckedMockApi,
  summary,
} from "../conformance/harness";

const RUNTIME = "workerd";
/** What miniflare 4.20260426.0's workerd supports (it refuses dates after its own). */
const COMPATIBILITY_DATE = "2026-04-01";
const ENTRIES = (["@phala/cloud-edge", "@phala/cloud"] as SdkName[]).map(sdkEntry);

// The slices of esbuild and miniflare used here (both loaded by path until they
// are devDependencies of this app).
interface EsbuildPlugin {
  name: string;
  setup(build: {
    onResolve(
      options: { filter: RegExp },
      callback: () => Promise<{ path: string; errors?: { text: string }[] }>,
    ): void;
    resolve(
      path: string,
      options: { resolveDir: string; kind: "import-statement" },
    ): Promise<{ path: string; errors: { text: string }[] }>;
  }): void;
}
interface Esbuild {
  build(options: Record<string, unknown> & { plugins: EsbuildPlugin[] }): Promise<{
    outputFiles: { text: string }[];
    warnings: unknown[];
  }>;
}
interface MiniflareInstance {
  ready: Promise<URL>;
  dispatchFetch(
    url: string,
  ): Promise<{ status: number; json(): Promise<unknown>; text(): Promise<string> }>;
  dispose(): Promise<void>;
}
type MiniflareClass = new (options: Record<string, unknown>) => MiniflareInstance;

let mock: Awaited<ReturnType<typeof startCheckedMockApi>> | undefined;
const miniflares: MiniflareInstance[] = [];

beforeAll(async () => {
  mock = await startCheckedMockApi(import.meta.url, { transitionMs: 50, streamSecondMs: 4 });
});
afterAll(async () => {
  await Promise.allSettled(miniflares.map((mf) => mf.dispose()));
  await mock?.close();
});

/** Bundles conformance/worker.mjs with the SDK entry as "conformance:sdk". */
async function bundleWorker(
  entry: (typeof ENTRIES)[number],
): Promise<{ script: string; sdkPath: string }> {
  const esbuild = await importFrom<Esbuild>("esbuild", ["bench"]);
  let sdkPath = "";
  const result = await esbuild.build({
    entryPoints: [join(INTEGRATION_DIR, "conformance", "worker.mjs")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    logLevel: "silent",
    plugins: [
      {
        name: "conformance-sdk",
        setup(build) {
          build.onResolve({ filter: /^conformance:sdk$/ }, async () => {
            if (!entry.linked) {
              sdkPath = entry.dist;
              return { path: entry.dist };
            }
            // Through the package's own exports, with the Workers conditions.
            const resolved = await build.resolve(entry.name, {
              resolveDir: INTEGRATION_DIR,
              kind: "import-statement",
            });
            sdkPath = resolved.path;
            return resolved;
          });
        },
      },
    ],
  });
  const script = result.outputFiles[0]?.text ?? "";
  return { script, sdkPath };
}

for (const entry of ENTRIES) {
  describe.skipIf(!entry.built)(`${RUNTIME} > ${entry.name} (${entry.via})`, () => {
    let report: ConformanceReport | undefined;
    let bundle = { script: "", sdkPath: "" };

    beforeAll(async () => {
      const t0 = Date.now();
      bundle = await bundleWorker(entry);
      const bundled = Date.now();
      const { Miniflare } = await importFrom<{ Miniflare: MiniflareClass }>("miniflare", [
        "packages/edge",
      ]);
      const mf = new Miniflare({
        modules: true,
        script: bundle.script,
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: [],
        bindings: { MOCK_URL: mock!.url, SDK_NAME: entry.name },
      });
      miniflares.push(mf);
      await mf.ready;
      const started = Date.now();
      const response = await mf.dispatchFetch("http://conformance.local/");
      const body = await response.text();
      if (response.status !== 200) throw new Error(`Worker answered ${response.status}: ${body}`);
      report = JSON.parse(body) as ConformanceReport;
      console.log(
        `${summary(report, entry.via)} | bundle ${Math.round(bundle.script.length / 1024)} KB in ${bundled - t0} ms, workerd start ${started - bundled} ms\n${formatReports([report])}`,
      );
    }, 120_000);

    it("the Worker bundle has no node: import (no nodejs_compat flag is set)", () => {
      expect(bundle.script.length).toBeGreaterThan(0);
      expect(bundle.script).not.toMatch(
        /from\s*["']node:|import\(\s*["']node:|require\(\s*["']node:/,
      );
    });

    // The versioning guide's import, bundled for Workers: `@phala/cloud`'s valibot entry.
    if (entry.name === "@phala/cloud")
      it.skipIf(!entry.linked)(
        "@phala/cloud resolves to its valibot entry (dist/edge.js), which validates with valibot",
        () => {
          expect(bundle.sdkPath).toMatch(/packages\/cloud\/dist\/edge\.js$/);
          expect(bundle.script).toMatch(/node_modules\/(\.pnpm\/valibot@|valibot\/)/);
          // No zod check here: the suite imports the namespace (`import * as sdk`),
          // which keeps every export, the root's zod schema values included. A
          // program's named imports keep none of them: packages/cloud/src/edge.test.ts
          // and bench/size.mjs check that bundle for zod.
        },
      );

    it("ran every check in workerd, and every check passed", () => {
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

it.skipIf(ENTRIES.every((e) => e.built))("every SDK entry of the workerd run is built", () => {
  const missing = ENTRIES.filter((e) => !e.built).map((e) => `${e.name} (no ${e.dist})`);
  console.warn(`[conformance] workerd: skipped, not built: ${missing.join(", ")}`);
  expect(ENTRIES.some((e) => e.built)).toBe(true);
});
