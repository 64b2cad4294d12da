import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Each contract check writes its counts here; `scripts/contract-summary.mjs`
// prints them as one line at the end of the test run.

export const SUMMARY_DIR = fileURLToPath(new URL("../../../.contract-results/", import.meta.url));

export function recordSummary(name: string, counts: Record<string, number>): void {
  mkdirSync(SUMMARY_DIR, { recursive: true });
  writeFileSync(`${SUMMARY_DIR}${name}.json`, `${JSON.stringify(counts)}\n`);
}

export function readSummaries(): Record<string, Record<string, number>> {
  let files: string[] = [];
  try {
    files = readdirSync(SUMMARY_DIR).filter((file) => file.endsWith(".json"));
  } catch {
    return {};
  }
  return Object.fromEntries(
    files.map((file) => [
      file.replace(/\.json$/, ""),
      JSON.parse(readFileSync(`${SUMMARY_DIR}${file}`, "utf8")),
    ]),
  );
}
