// @ts-check
// Validating a 1,000-CVM 2026-01-21 page, side by side with JSON.parse of the
// same bytes and with the published @phala/cloud 0.2.9's schema of the same page.
// Run: pnpm bench:validate  (writes results/validate.md + results/validate.json)
import { writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { getCvmListResponseSchemas, PaginatedCvmInfosV20260121Schema } from "@phala/cloud-schemas";
import { getCvmListResponseSchemas as valibotCvmListSchemas } from "@phala/cloud-schemas/valibot";
import { PaginatedCvmInfosV20260121Schema as PublishedSchema } from "phala-cloud-0.2.9";
import { cvmPageV20260121 } from "./fixtures.mjs";
import { compare, machine } from "./stats.mjs";

const page = cvmPageV20260121(1000);
const bytes = JSON.stringify(page);
const zodStandard = getCvmListResponseSchemas["2026-01-21"]["~standard"];
const valibotSchema = valibotCvmListSchemas["2026-01-21"];
const valibotStandard = valibotSchema["~standard"];
// The same schema without its precompiled fast path (packages/schemas/src/valibot/precompile.ts):
// valibot's own object() (the schema's `reference`) over the same entries.
const plainValibotStandard = valibotSchema.reference(valibotSchema.entries)["~standard"];
const parsedOnce = JSON.parse(bytes);

// Every candidate must accept the very same page, or the comparison means nothing.
for (const [name, standard] of [
  ["our zod schema", zodStandard],
  ["our valibot schema", valibotStandard],
  ["our valibot schema without the fast path", plainValibotStandard],
]) {
  const check = standard.validate(parsedOnce);
  if (check instanceof Promise || check.issues) {
    throw new Error(
      `${name} rejects the fixture: ${JSON.stringify(check instanceof Promise ? "async" : check.issues?.slice(0, 3))}`,
    );
  }
}
// The fast path must give valibot's own output, or it is not the same validation.
if (
  !isDeepStrictEqual(
    valibotStandard.validate(parsedOnce),
    plainValibotStandard.validate(parsedOnce),
  )
) {
  throw new Error("the valibot schema's fast path and valibot itself give different outputs");
}
const published = PublishedSchema.safeParse(parsedOnce);
if (!published.success) {
  throw new Error(
    `the published 0.2.9 schema rejects the fixture: ${JSON.stringify(published.error.issues.slice(0, 3))}`,
  );
}

const names = {
  json: "JSON.parse(bytes)",
  published: "published 0.2.9: PaginatedCvmInfosV20260121Schema.safeParse(parsed) (zod 3)",
  zod: "ours, zod: validate(parsed) via Standard Schema (what @phala/cloud runs)",
  zodDirect: "ours, zod: safeParse(parsed)",
  valibot: "ours, valibot: validate(parsed) via Standard Schema (what @phala/cloud-edge runs)",
  plainValibot: "ours, valibot without the precompiled fast path: validate(parsed) (before)",
  whole: "ours, zod: JSON.parse + validate (a whole response)",
  publishedWhole: "published 0.2.9: JSON.parse + safeParse (a whole response)",
};

const results = compare(
  {
    [names.json]: () => JSON.parse(bytes),
    [names.published]: () => PublishedSchema.safeParse(parsedOnce).success,
    [names.zod]: () => zodStandard.validate(parsedOnce),
    [names.zodDirect]: () => PaginatedCvmInfosV20260121Schema.safeParse(parsedOnce).success,
    [names.valibot]: () => valibotStandard.validate(parsedOnce),
    [names.plainValibot]: () => plainValibotStandard.validate(parsedOnce),
    [names.whole]: () => zodStandard.validate(JSON.parse(bytes)),
    [names.publishedWhole]: () => PublishedSchema.safeParse(JSON.parse(bytes)).success,
  },
  { rounds: 25, iterations: 10, warmup: 20 },
);

const base = results[names.json];
const pub = results[names.published];
const speedup = (name) => pub / results[name];
const pass = (ok) => (ok ? "pass" : "**miss**");
const budgets = [
  {
    budget: "ours (zod, the Node default) >= 5x faster than the published schema",
    measured: `${speedup(names.zod).toFixed(1)}x`,
    ok: speedup(names.zod) >= 5,
  },
  {
    budget: "ours (valibot, the edge default) >= 5x faster than the published schema",
    measured: `${speedup(names.valibot).toFixed(1)}x`,
    ok: speedup(names.valibot) >= 5,
  },
  {
    budget: "ours (zod) no slower than JSON.parse of the same bytes",
    measured: `${(results[names.zod] / base).toFixed(2)}x JSON.parse`,
    ok: results[names.zod] <= base,
  },
  {
    budget: "ours (valibot) no slower than JSON.parse of the same bytes",
    measured: `${(results[names.valibot] / base).toFixed(2)}x JSON.parse`,
    ok: results[names.valibot] <= base,
  },
];

const lines = [
  "# Response validation: a 1,000-CVM `2026-01-21` page",
  "",
  `- Command: \`pnpm bench:validate\` (bench/validate.mjs), ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${machine()}`,
  `- Body: ${(bytes.length / 1024).toFixed(0)} KiB of JSON, 1,000 CVMs with every 2026-01-21 field (bench/fixtures.mjs); accepted by every schema compared (checked before timing)`,
  "- Method: the candidates run in turn, 25 rounds of 10 operations, after 20 warm-up operations each; figures are medians of the rounds. Validation runs on an already parsed object, so it is compared with JSON.parse of the same bytes.",
  "",
  "| candidate | median ms / op | ratio to JSON.parse | speed-up over published |",
  "|---|---:|---:|---:|",
  ...Object.entries(results).map(
    ([name, ms]) =>
      `| ${name} | ${ms.toFixed(3)} | ${(ms / base).toFixed(2)}x | ${name.startsWith("ours") && !name.includes("whole") ? `${speedup(name).toFixed(1)}x` : "-"} |`,
  ),
  "",
  "| budget | measured | result |",
  "|---|---:|---|",
  ...budgets.map((b) => `| ${b.budget} | ${b.measured} | ${pass(b.ok)} |`),
  "",
];
const here = new URL(".", import.meta.url);
writeFileSync(new URL("./results/validate.md", here), `${lines.join("\n")}\n`);
writeFileSync(
  new URL("./results/validate.json", here),
  `${JSON.stringify({ bytes: bytes.length, medianMs: results, budgets }, null, 2)}\n`,
);
console.log(lines.join("\n"));
