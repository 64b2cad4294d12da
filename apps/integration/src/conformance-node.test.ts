// The conformance suite (conformance/suite.mjs) in Node, against the mock API on
// 127.0.0.1: through `@phala/cloud` and, when built, the undici adapter
// `@phala/cloud-node`. One test per check, named runtime > entry > check.
import { startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHECK_NAMES,
  type ConformanceReport,
  expectAllPassed,
  formatReports,
  importSdk,
  type SdkName,
  sdkEntry,
  summary,
} from "../conformance/harness";
import { runConformance } from "../conformance/suite.mjs";

const RUNTIME = "node";
const ENTRIES = (["@phala/cloud", "@phala/cloud-node"] as SdkName[]).map(sdkEntry);

let mock: Awaited<ReturnType<typeof startMockApi>> | undefined;
beforeAll(async () => {
  mock = await startMockApi({ transitionMs: 50 });
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

it.skipIf(ENTRIES.every((e) => e.built))("every SDK entry of the Node run is built", () => {
  const missing = ENTRIES.filter((e) => !e.built).map((e) => `${e.name} (no ${e.dist})`);
  console.warn(`[conformance] node: skipped, not built: ${missing.join(", ")}`);
  // @phala/cloud is a dependency of this app: it must be there.
  expect(sdkEntry("@phala/cloud").built).toBe(true);
});
