// @ts-check
// Type-check cost of a consumer file (types/consumer.ts) that calls every
// action with clients of both versions and withVersion.
//   pnpm bench:types        measure and record results/types.json + results/types.md
//   pnpm bench:types:check  measure and fail when instantiations grew > 20% over the record
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { allActions } from "@phala/cloud";
import { machine, median, tscDiagnostics } from "./stats.mjs";

const mode = process.argv.includes("--record") ? "record" : "check";
const here = new URL(".", import.meta.url);
const consumer = readFileSync(new URL("./types/consumer.ts", here), "utf8");

const missing = Object.keys(allActions).filter((name) => !consumer.includes(name));
if (missing.length) {
  console.error(`types/consumer.ts does not call: ${missing.join(", ")}`);
  process.exit(1);
}

const measure = () => tscDiagnostics("types/tsconfig.json", here);

const runs = Array.from({ length: mode === "record" ? 5 : 1 }, measure);
const result = {
  instantiations: runs[0].instantiations,
  types: runs[0].types,
  checkTimeSeconds: median(runs.map((r) => r.checkTimeSeconds)),
  totalTimeSeconds: median(runs.map((r) => r.totalTimeSeconds)),
  memoryKiB: median(runs.map((r) => r.memoryKiB)),
  actions: Object.keys(allActions).length,
};
const recordFile = new URL("./results/types.json", here);

if (mode === "record") {
  writeFileSync(recordFile, `${JSON.stringify(result, null, 2)}\n`);
  const md = [
    "# Type-check cost of a consumer",
    "",
    `- Command: \`pnpm bench:types\` (bench/types.mjs), ${new Date().toISOString().slice(0, 10)}; TypeScript ${JSON.parse(readFileSync(createRequire(import.meta.url).resolve("typescript/package.json"), "utf8")).version}`,
    `- Machine: ${machine()}`,
    `- File: bench/types/consumer.ts, ${result.actions} actions, each as a method of 3 clients (2026-01-21, 2025-10-28, withVersion) and standalone on 2 base clients`,
    "- Instantiations and types are exact counts; times are medians of 5 runs of `tsc --extendedDiagnostics`.",
    "",
    "| measure | value |",
    "|---|---:|",
    `| instantiations | ${result.instantiations} |`,
    `| types | ${result.types} |`,
    `| check time (s) | ${result.checkTimeSeconds} |`,
    `| total time (s) | ${result.totalTimeSeconds} |`,
    `| memory (KiB) | ${result.memoryKiB} |`,
    "",
    "CI (`pnpm bench:types:check`) fails when instantiations exceed this record by more than 20%.",
    "",
  ].join("\n");
  writeFileSync(new URL("./results/types.md", here), md);
  console.log(md);
} else {
  const recorded = JSON.parse(readFileSync(recordFile, "utf8"));
  const limit = Math.round(recorded.instantiations * 1.2);
  const line = `instantiations ${result.instantiations} (recorded ${recorded.instantiations}, limit ${limit}); types ${result.types}; check time ${result.checkTimeSeconds}s`;
  if (result.instantiations > limit) {
    console.error(`Type-check cost grew more than 20%: ${line}`);
    process.exit(1);
  }
  console.log(`Type-check cost within budget: ${line}`);
}
