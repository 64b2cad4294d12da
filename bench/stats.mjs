// @ts-check
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown CPU"} x${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

/**
 * Runs each candidate in turn, round after round, so that noise from a shared
 * machine falls on all of them alike; returns the median time per operation.
 * @param {Record<string, () => unknown>} candidates
 * @param {{ rounds: number, iterations: number, warmup: number }} options
 */
export function compare(candidates, { rounds, iterations, warmup }) {
  const names = Object.keys(candidates);
  for (const name of names) for (let i = 0; i < warmup; i++) candidates[name]();
  /** @type {Record<string, number[]>} */
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const run = candidates[name];
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) sink += run() ? 1 : 0;
      samples[name].push(Number(process.hrtime.bigint() - start) / 1e6 / iterations);
    }
  }
  if (sink < 0) console.log(sink);
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

/**
 * `tsc -p <project> --extendedDiagnostics`, run from `cwd`: the counts and times
 * it prints. A label it did not print throws rather than reading as NaN (which
 * would pass any budget).
 * @param {string} project
 * @param {string | URL} cwd
 */
export function tscDiagnostics(project, cwd) {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const out = execFileSync(process.execPath, [tsc, "-p", project, "--extendedDiagnostics"], {
    cwd,
    encoding: "utf8",
  });
  /** @param {string} label */
  const read = (label) => {
    const match = out.match(new RegExp(`^${label}:\\s+([\\d.]+)`, "m"));
    if (!match) throw new Error(`tsc printed no "${label}"`);
    return Number(match[1]);
  };
  return {
    instantiations: read("Instantiations"),
    types: read("Types"),
    checkTimeSeconds: read("Check time"),
    totalTimeSeconds: read("Total time"),
    memoryKiB: read("Memory used"),
  };
}
