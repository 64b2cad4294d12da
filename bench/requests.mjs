// @ts-check
// 10,000 sequential GETs of /auth/me against the mock API on 127.0.0.1, through
// the Node adapter (`createClient` from @phala/cloud-node, `getCurrentUser`)
// side by side with raw undici `fetch` on the same kind of keep-alive Agent with
// the same headers (JSON parsed too). The mock runs in a child process, so the
// server does not share the client's event loop.
// Run: pnpm --filter @phala/cloud-bench requests  (writes results/requests.md + .json)
import { spawn } from "node:child_process";
import diagnostics from "node:diagnostics_channel";
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machine, median } from "./stats.mjs";

const here = new URL(".", import.meta.url);
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const PER_ROUND = Number(process.env.PER_ROUND ?? 500);
const WARMUP = 1000;
const API_KEY = "phak_bench0000000000000000000000";

const nodeAdapter = fileURLToPath(new URL("../packages/node/dist/index.js", here));
const mockApi = fileURLToPath(new URL("../apps/mock-api/dist/index.js", here));
for (const [file, build] of [
  [nodeAdapter, "pnpm --filter @phala/cloud-node build"],
  [mockApi, "pnpm --filter @phala/cloud-mock-api build"],
]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run ${build}`);
    process.exit(1);
  }
}
// The undici the adapter itself imports: same version, same module instance.
const undiciPath = createRequire(nodeAdapter).resolve("undici");
const undiciModule = await import(pathToFileURL(undiciPath).href);
/** @type {typeof import("undici")} */
const undici = undiciModule.default ?? undiciModule;
const { createClient } = await import(pathToFileURL(nodeAdapter).href);

// The mock API in its own process: prints its URL, stops when its stdin closes.
const childSource = `
import { startMockApi } from ${JSON.stringify(pathToFileURL(mockApi).href)};
const api = await startMockApi({ host: "127.0.0.1" });
process.stdout.write(api.url + "\\n");
process.stdin.resume();
process.stdin.on("end", () => api.close().then(() => process.exit(0)));
`;
const child = spawn(process.execPath, ["--input-type=module", "-e", childSource], {
  stdio: ["pipe", "pipe", "inherit"],
});
const baseURL = await new Promise((resolve, reject) => {
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
    if (out.includes("\n")) resolve(out.trim());
  });
  child.once("exit", (code) => reject(new Error(`mock API exited with ${code}`)));
});

// What the SDK sends for getCurrentUser (checked once below against a recording fetch).
const headers = {
  accept: "application/json",
  "user-agent": "phala-cloud-sdk-ts/0.1.0",
  "x-phala-version": "2026-01-21",
  "x-api-key": API_KEY,
};
const meURL = `${baseURL}/auth/me`;

const sdk = createClient({ apiKey: API_KEY, baseURL });
const sdkNoValidation = createClient({ apiKey: API_KEY, baseURL, validateResponses: false });
const rawAgent = new undici.Agent();
const raw = async () => {
  const response = await undici.fetch(meURL, { headers, dispatcher: rawAgent });
  if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
  return response.json();
};

// Same request on the wire? Record what the SDK hands to fetch once.
{
  /** @type {{ url: string, headers: Record<string, string> } | undefined} */
  let seen;
  const probe = createClient({
    apiKey: API_KEY,
    baseURL,
    fetch: async (/** @type {string} */ url, /** @type {RequestInit} */ init) => {
      seen = { url, headers: Object.fromEntries(new Headers(init.headers).entries()) };
      return fetch(url, init);
    },
  });
  await probe.getCurrentUser();
  const same =
    seen?.url === meURL &&
    JSON.stringify(Object.entries(seen.headers).sort()) ===
      JSON.stringify(Object.entries(headers).sort());
  if (!same) throw new Error(`the raw request differs from the SDK's: ${JSON.stringify(seen)}`);
  const a = await sdk.getCurrentUser();
  const b = await raw();
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error("the SDK and raw fetch read different bodies");
}

/** @type {Record<string, () => Promise<unknown>>} */
const candidates = {
  "raw undici fetch + Agent + res.json()": raw,
  "@phala/cloud-node createClient().getCurrentUser() (validated)": () => sdk.getCurrentUser(),
  "@phala/cloud-node, validateResponses: false": () => sdkNoValidation.getCurrentUser(),
  // The adapter waits one setImmediate turn before each fetch (to keep sequential
  // calls on one socket); this isolates that cost from the rest of the SDK.
  "raw undici fetch after one setImmediate turn (as the adapter does)": async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return raw();
  },
  // What any per-request timeout costs: the SDK gives fetch an AbortSignal per
  // attempt (its 30 s default timeout), and undici does work for each signal.
  "raw undici fetch with an AbortSignal and a 30 s timer per request": async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      const response = await undici.fetch(meURL, {
        headers,
        dispatcher: rawAgent,
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  },
};
const names = Object.keys(candidates);
// New sockets each candidate opens while it runs (undici publishes every connect).
/** @type {Record<string, number>} */
const connects = Object.fromEntries(names.map((n) => [n, 0]));
let current = "";
diagnostics.subscribe("undici:client:connected", () => {
  if (current) connects[current]++;
});
for (const name of names) for (let i = 0; i < WARMUP; i++) await candidates[name]();

/** @type {Record<string, number[]>} requests per second of each block */
const throughput = Object.fromEntries(names.map((n) => [n, []]));
/** @type {Record<string, number[]>} this process's CPU time (user + system) per request of each block, µs */
const cpu = Object.fromEntries(names.map((n) => [n, []]));
const started = Date.now();
for (let r = 0; r < ROUNDS; r++) {
  // Rotate the order each round so no candidate always runs first.
  for (let k = 0; k < names.length; k++) {
    const name = names[(r + k) % names.length];
    const run = candidates[name];
    current = name;
    const t = process.hrtime.bigint();
    const usage = process.cpuUsage();
    for (let i = 0; i < PER_ROUND; i++) await run();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const used = process.cpuUsage(usage);
    throughput[name].push((PER_ROUND / ms) * 1000);
    cpu[name].push((used.user + used.system) / PER_ROUND);
    current = "";
  }
}
const elapsed = (Date.now() - started) / 1000;

child.stdin.end();
await rawAgent.close();
await new Promise((resolve) => child.once("exit", resolve));

const medians = Object.fromEntries(names.map((n) => [n, median(throughput[n])]));
const rawRps = medians[names[0]];
// Paired: each round's throughput over raw's in the same round, then the median;
// on a shared machine this cancels load that drifts from round to round.
const pairedRatio = Object.fromEntries(
  names.map((n) => [n, median(throughput[n].map((rps, r) => rps / throughput[names[0]][r]))]),
);
const ratio = pairedRatio[names[1]];
// Client CPU per request over raw's in the same round: less moved by other
// processes' load than throughput is.
const cpuMedian = Object.fromEntries(names.map((n) => [n, median(cpu[n])]));
const cpuOverRaw = Object.fromEntries(
  names.map((n) => [n, median(cpu[n].map((us, r) => us - cpu[names[0]][r]))]),
);
const ok = ratio >= 0.9;

const lines = [
  "# 10,000 sequential GETs through the Node adapter",
  "",
  `- Command: \`pnpm --filter @phala/cloud-bench requests\` (bench/requests.mjs), ${new Date().toISOString().slice(0, 10)}; undici ${undici.Agent ? createRequire(undiciPath)("./package.json").version : "?"}`,
  `- Machine: ${machine()}`,
  `- Method: GET \`/api/v1/auth/me\` (getCurrentUser, 2026-01-21) against the mock API (apps/mock-api, Hono on @hono/node-server) on 127.0.0.1 in a child process. Each candidate makes ${(ROUNDS * PER_ROUND).toLocaleString("en")} sequential requests, in ${ROUNDS} blocks of ${PER_ROUND.toLocaleString("en")}, the candidates interleaved block by block (order rotated each round) after ${WARMUP} warm-up requests each; figures are medians of the blocks' throughput, and the ratio the budget reads is the median of the per-round ratios (each block against raw's block of the same round). Raw fetch sends the same URL and headers as the SDK (checked) on its own \`new Agent()\` (undici defaults, as the adapter's) and parses the JSON. Sockets are counted from undici's \`undici:client:connected\` diagnostics channel. Client CPU is this process's user + system time per request (\`process.cpuUsage\`) per block, median; "over raw" is the median of each block's difference from raw's block of the same round. ${elapsed.toFixed(0)} s in all.`,
  "",
  "| candidate | median requests / s | median µs / request | ratio of medians | median of per-round ratios | client CPU µs / request | CPU µs over raw | sockets opened while timed |",
  "|---|---:|---:|---:|---:|---:|---:|---:|",
  ...names.map(
    (n) =>
      `| ${n} | ${medians[n].toFixed(0)} | ${(1e6 / medians[n]).toFixed(0)} | ${(medians[n] / rawRps).toFixed(2)}x | ${pairedRatio[n].toFixed(2)}x | ${cpuMedian[n].toFixed(0)} | ${cpuOverRaw[n].toFixed(0)} | ${connects[n]} |`,
  ),
  "",
  `Budget: the SDK (validated) at least 0.9x the throughput of raw undici fetch: ${ratio.toFixed(2)}x (median of per-round ratios), ${ok ? "pass" : "**miss**"}.`,
  "",
];
writeFileSync(new URL("./results/requests.md", here), `${lines.join("\n")}\n`);
writeFileSync(
  new URL("./results/requests.json", here),
  `${JSON.stringify({ rounds: ROUNDS, perRound: PER_ROUND, medianRps: medians, pairedRatio, cpuMedianUs: cpuMedian, cpuOverRawUs: cpuOverRaw, blocks: throughput, cpuBlocksUs: cpu, connects, ratio, pass: ok }, null, 2)}\n`,
);
console.log(lines.join("\n"));
