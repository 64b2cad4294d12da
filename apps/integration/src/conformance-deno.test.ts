// The conformance suite (conformance/suite.mjs) in the Deno binary, against the
// mock API on 127.0.0.1: `@phala/cloud-deno` when built, and `@phala/cloud`.
// Deno gets its own DENO_DIR in a temp folder and only the permissions the SDK
// needs (--allow-net --allow-read --allow-env); nothing global is written.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHECK_NAMES,
  type ConformanceReport,
  expectAllPassed,
  formatReports,
  INTEGRATION_DIR,
  packageDirFrom,
  type SdkName,
  sdkEntry,
  startCheckedMockApi,
  summary,
} from "../conformance/harness";

const RUNTIME = "deno";
const TIMEOUT_MS = 90_000;
const ENTRIES = (["@phala/cloud-deno", "@phala/cloud"] as SdkName[]).map(sdkEntry);
const BUILT = ENTRIES.filter((e) => e.built);

interface DenoOutput {
  deno: string;
  entries: { name: string; via: string; error?: string }[];
  reports: ConformanceReport[];
}

let mock: Awaited<ReturnType<typeof startCheckedMockApi>> | undefined;
let child: ChildProcess | undefined;
let denoDir: string | undefined;
let output: DenoOutput | undefined;
let denoError: string | undefined;

/** The real deno executable of the `deno` npm package (not its node wrapper). */
function denoBinary(): string {
  const binary = join(packageDirFrom("deno", ["packages/deno"]), "deno");
  if (!existsSync(binary)) throw new Error(`no deno binary at ${binary}`);
  return binary;
}

function runDeno(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      denoBinary(),
      [
        "run",
        "--allow-net",
        "--allow-read",
        "--allow-env",
        "--no-check",
        "--quiet",
        relative(INTEGRATION_DIR, join(INTEGRATION_DIR, "conformance", "deno-main.mjs")),
      ],
      { cwd: INTEGRATION_DIR, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    child = proc;
    let stdout = "";
    let stderr = "";
    proc.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    proc.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`deno did not finish in ${TIMEOUT_MS / 1000} s\n${stderr}`));
    }, TIMEOUT_MS);
    proc.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    proc.on("close", (code) => {
      clearTimeout(timer);
      child = undefined;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  if (BUILT.length === 0) return;
  mock = await startCheckedMockApi(import.meta.url, { transitionMs: 50, streamSecondMs: 4 });
  denoDir = mkdtempSync(join(tmpdir(), "phala-conformance-deno-"));
  const started = Date.now();
  const result = await runDeno({
    PATH: process.env.PATH ?? "",
    HOME: denoDir,
    NO_COLOR: "1",
    DENO_NO_UPDATE_CHECK: "1",
    DENO_DIR: join(denoDir, "cache"),
    MOCK_URL: mock.url,
    CONFORMANCE_ENTRIES: JSON.stringify(
      BUILT.map((e) => ({ name: e.name, fallback: pathToFileURL(e.dist).href })),
    ),
  });
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  try {
    output = JSON.parse(line) as DenoOutput;
  } catch {
    denoError = `deno exited ${result.code}; stdout: ${result.stdout.slice(0, 2000)}; stderr: ${result.stderr.slice(0, 4000)}`;
    return;
  }
  const ms = Date.now() - started;
  for (const report of output.reports) {
    const via = output.entries.find((e) => e.name === report.sdk)?.via ?? "?";
    console.log(`${summary(report, via)}\n${formatReports([report])}`);
  }
  console.log(
    `[conformance] deno ${output.deno}: process ran ${ms} ms (start, imports and every run)`,
  );
}, TIMEOUT_MS + 30_000);

afterAll(async () => {
  child?.kill("SIGKILL");
  await mock?.close();
  if (denoDir) rmSync(denoDir, { recursive: true, force: true });
});

it.skipIf(BUILT.length > 0)("some SDK entry of the Deno run is built", () => {
  expect(
    BUILT.map((e) => e.name),
    "no SDK entry built",
  ).not.toEqual([]);
});

it.runIf(BUILT.length > 0)("deno ran and printed a report for each SDK entry", () => {
  expect(denoError).toBeUndefined();
  expect(output?.entries.filter((e) => e.error)).toEqual([]);
  expect(output?.reports.map((r) => r.sdk)).toEqual(BUILT.map((e) => e.name));
});

for (const entry of ENTRIES) {
  describe.skipIf(!entry.built)(`${RUNTIME} > ${entry.name}`, () => {
    const report = () => output?.reports.find((r) => r.sdk === entry.name);

    it("ran every check in Deno, and every check passed", () => {
      expect(denoError).toBeUndefined();
      expectAllPassed(report(), RUNTIME);
    });

    for (const name of CHECK_NAMES) {
      it(name, () => {
        const result = report()?.results.find((r) => r.name === name);
        expect(result, "no result").toBeDefined();
        expect(result?.error ?? "", `${RUNTIME} / ${entry.name}`).toBe("");
        expect(result?.ok).toBe(true);
      });
    }
  });
}
