#!/usr/bin/env node
// Prints the contract checks of the last test run as one line, from the counts
// each suite wrote to apps/*/.contract-results/ (apps/contract/src/summary.ts). Fails
// when a generated response was rejected, a mock answer broke the contract, or
// a suite wrote nothing (it did not run).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(new URL(".", import.meta.url).pathname, "..");
/** Every `<package>/.contract-results/<name>.json` of the apps, by name. */
const results = new Map();
for (const app of readdirSync(join(root, "apps"))) {
  const dir = join(root, "apps", app, ".contract-results");
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json"))) {
    results.set(file.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, file), "utf8")));
  }
}
const read = (name) => results.get(name);
const requests = read("requests");
const responses = read("responses");
const mocks = [...results].filter(([name]) => name.startsWith("mock-")).map(([, counts]) => counts);
const missing = [
  !requests && "requests",
  !responses && "responses",
  mocks.length === 0 && "mock answers",
].filter(Boolean);
if (missing.length) {
  console.error(`contract: no result for ${missing.join(", ")} (did the suites run?)`);
  process.exit(1);
}
const checked = mocks.reduce((sum, counts) => sum + (counts.checked ?? 0), 0);
const broken = mocks.reduce((sum, counts) => sum + (counts.problems ?? 0), 0);
const operations = Math.max(requests.operations, responses.operations);
console.log(
  `contract: ${operations} operations checked, ${responses.actions} actions, ${requests.requests} requests, generated responses ${responses.accepted} accepted / ${responses.rejected} rejected, ${checked} mock responses checked (${broken} off contract)`,
);
if (responses.rejected > 0 || broken > 0) process.exit(1);
