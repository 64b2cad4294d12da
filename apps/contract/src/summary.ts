import { mkdirSync, writeFileSync } from "node:fs";

// Each contract check writes its counts into `.contract-results/` of the package
// whose tests run (turbo keeps the folder with the test task's cached output);
// `scripts/contract-summary.mjs` prints them as one line at the end of the run.

const SUMMARY_DIR = `${process.cwd()}/.contract-results/`;

export function recordSummary(name: string, counts: Record<string, number>): void {
  mkdirSync(SUMMARY_DIR, { recursive: true });
  writeFileSync(`${SUMMARY_DIR}${name}.json`, `${JSON.stringify(counts)}\n`);
}
