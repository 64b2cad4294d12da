// @ts-check
// Cold import time in Node: a fresh `node` process per sample imports one package
// and prints how long `await import(...)` took. The candidates run interleaved
// (one sample of each, round after round) so machine noise falls on all alike.
// Run: pnpm --filter @phala/cloud-bench cold-import  (writes results/cold-import.md + .json)
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { machine, median } from "./stats.mjs";

const here = new URL(".", import.meta.url);
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const nodeAdapter = fileURLToPath(new URL("../packages/node/dist/index.js", here));

// What `@phala/cloud` defers to first use, timed with the import: one call on a
// fetch that answers at once (no network, so undici is not loaded), whose
// validation loads zod and the endpoint's schemas (the body fails them: `{}`).
const FIRST_CALL = `await m.createClient({ apiKey: "k", baseURL: "http://127.0.0.1:9/api/v1", fetch: async () => new Response("{}", { headers: { "content-type": "application/json" } }) }).safeGetCurrentUser();`;

/**
 * name -> specifier, resolved from bench/ (the @phala/cloud-node adapter by
 * path: bench does not depend on it), or { specifier, andRun }: code run after
 * the import, with the module as `m`, inside the timed span.
 * @type {Record<string, string | { specifier: string, andRun: string }>}
 */
const candidates = {
  "published @phala/cloud 0.2.9": "phala-cloud-0.2.9",
  "@phala/cloud": "@phala/cloud",
  "@phala/cloud-edge": "@phala/cloud-edge",
  "@phala/cloud-node": nodeAdapter,
  // For reference: the zod schemas, which the root entries no longer build...
  "@phala/cloud/schemas (for reference)": "@phala/cloud/schemas",
  // ...and what the first validated call then costs.
  "@phala/cloud + first validated call (for reference)": {
    specifier: "@phala/cloud",
    andRun: FIRST_CALL,
  },
};
if (!existsSync(nodeAdapter)) {
  console.error(`${nodeAdapter} is missing: run pnpm --filter @phala/cloud-node build`);
  process.exit(1);
}
const baseline = "node:process (baseline: a built-in)";

/** @param {string | { specifier: string, andRun: string }} candidate */
function sample(candidate) {
  const { specifier, andRun } =
    typeof candidate === "string" ? { specifier: candidate, andRun: "" } : candidate;
  const code = `const t = performance.now(); const m = await import(${JSON.stringify(specifier)}); ${andRun} console.log(performance.now() - t);`;
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: fileURLToPath(here),
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`import(${specifier}) failed:\n${run.stderr}`);
  return { importMs: Number(run.stdout.trim()), wallMs: wall };
}

const all = { [baseline]: "node:process", ...candidates };
/** @type {Record<string, { importMs: number[], wallMs: number[] }>} */
const samples = Object.fromEntries(Object.keys(all).map((n) => [n, { importMs: [], wallMs: [] }]));
// One untimed run of each first, so that the OS file cache is equally warm for all.
for (const specifier of Object.values(all)) sample(specifier);
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, specifier] of Object.entries(all)) {
    const s = sample(specifier);
    samples[name].importMs.push(s.importMs);
    samples[name].wallMs.push(s.wallMs);
  }
}

const medians = Object.fromEntries(
  Object.entries(samples).map(([n, s]) => [
    n,
    { importMs: median(s.importMs), wallMs: median(s.wallMs) },
  ]),
);
const published = medians["published @phala/cloud 0.2.9"].importMs;
const ours = medians["@phala/cloud"].importMs;
const ratio = published / ours;
const ok = ratio >= 10;

const lines = [
  "# Cold import in Node",
  "",
  `- Command: \`pnpm --filter @phala/cloud-bench cold-import\` (bench/cold-import.mjs), ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${machine()}`,
  `- Method: a fresh \`node --input-type=module -e 'const t = performance.now(); await import(X); console.log(performance.now() - t)'\` per sample (the "first validated call" row also makes one call inside the timed span: \`${FIRST_CALL}\`), run from bench/; ${ROUNDS} rounds, the candidates interleaved (one sample of each per round) after one untimed run of each (warm OS file cache, cold module cache); medians. "process" is the wall time of the whole child, Node's own start-up included.`,
  "",
  "| import | median import ms | median process ms | published / this (import) |",
  "|---|---:|---:|---:|",
  ...Object.entries(medians).map(
    ([name, m]) =>
      `| ${name} | ${m.importMs.toFixed(1)} | ${m.wallMs.toFixed(1)} | ${name.startsWith("node:") || typeof all[name] !== "string" ? "-" : `${(published / m.importMs).toFixed(1)}x`} |`,
  ),
  "",
  `Budget: \`@phala/cloud\` imports at least 10x faster than the published package: ${ratio.toFixed(1)}x, ${ok ? "pass" : "**miss**"}.`,
  "",
];
writeFileSync(new URL("./results/cold-import.md", here), `${lines.join("\n")}\n`);
writeFileSync(
  new URL("./results/cold-import.json", here),
  `${JSON.stringify({ rounds: ROUNDS, medians, ratio, pass: ok }, null, 2)}\n`,
);
console.log(lines.join("\n"));
