// @ts-check
// Validating a 1,000-CVM 2026-01-21 page, side by side with JSON.parse of the
// same bytes. Run: pnpm bench:validate  (writes results/validate.md)
import { writeFileSync } from "node:fs";
import { getCvmListResponseSchemas, PaginatedCvmInfosV20260121Schema } from "@phala/cloud-schemas";
import { cvmPageV20260121 } from "./fixtures.mjs";
import { compare, machine } from "./stats.mjs";

const page = cvmPageV20260121(1000);
const bytes = JSON.stringify(page);
const standard = getCvmListResponseSchemas["2026-01-21"]["~standard"];
const parsedOnce = JSON.parse(bytes);

const check = standard.validate(parsedOnce);
if (check instanceof Promise || check.issues) throw new Error("fixture does not validate");

const results = compare(
  {
    "JSON.parse(bytes)": () => JSON.parse(bytes),
    "validate(parsed) via Standard Schema (what the SDK runs)": () => standard.validate(parsedOnce),
    "zod safeParse(parsed)": () => PaginatedCvmInfosV20260121Schema.safeParse(parsedOnce).success,
    "JSON.parse + validate (a whole response)": () => standard.validate(JSON.parse(bytes)),
  },
  { rounds: 25, iterations: 10, warmup: 20 },
);

const base = results["JSON.parse(bytes)"];
const lines = [
  "# Response validation: a 1,000-CVM `2026-01-21` page",
  "",
  `- Command: \`pnpm bench:validate\` (bench/validate.mjs), ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${machine()}`,
  `- Body: ${(bytes.length / 1024).toFixed(0)} KiB of JSON, 1,000 CVMs with every 2026-01-21 field`,
  "- Method: the candidates run in turn, 25 rounds of 10 operations, after 20 warm-up operations each; figures are medians of the rounds.",
  "",
  "| candidate | median ms / op | ratio to JSON.parse |",
  "|---|---:|---:|",
  ...Object.entries(results).map(
    ([name, ms]) => `| ${name} | ${ms.toFixed(3)} | ${(ms / base).toFixed(2)}x |`,
  ),
  "",
];
writeFileSync(new URL("./results/validate.md", import.meta.url), `${lines.join("\n")}\n`);
console.log(lines.join("\n"));
