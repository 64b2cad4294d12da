// @ts-check
// Load test (issue 5): 1,000 concurrent calls through ONE client of the Node
// adapter (`createClient` + `createNodeFetch({ connections: 32 })`) against the
// mock API in a child process, in 3 bursts. Checks that every call succeeds and
// that the server never sees more sockets than the pool allows; reports heap
// before, right after and after gc() + a settle (memory is reported, not enforced).
// Run: pnpm --filter @phala/cloud-bench load  (writes results/load.md + .json)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machine } from "./stats.mjs";

// gc() is needed for a meaningful baseline: re-run this script with --expose-gc.
if (typeof globalThis.gc !== "function") {
  const args = ["--expose-gc", ...process.execArgv, fileURLToPath(import.meta.url)];
  const run = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(run.status ?? 1);
}
const gc = /** @type {() => void} */ (globalThis.gc);

const here = new URL(".", import.meta.url);
const CALLS = Number(process.env.CALLS ?? 1000);
const BURSTS = Number(process.env.BURSTS ?? 3);
const POOL = 32;
const WARMUP = 50;
const DEADLINE_MS = 60_000;
const SETTLE_MS = 250;
const MIB = 2 ** 20;
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

// The mock API in its own process. It counts the TCP connections its server
// accepts (and how many are open at once) and the HTTP requests it receives,
// and answers { stats } over IPC; it stops when the IPC channel closes.
const childSource = `
import dc from "node:diagnostics_channel";
import { startMockApi } from ${JSON.stringify(pathToFileURL(mockApi).href)};
const stats = { accepted: 0, open: 0, peakOpen: 0, requests: 0 };
dc.subscribe("net.server.socket", ({ socket }) => {
  stats.accepted++;
  stats.peakOpen = Math.max(stats.peakOpen, ++stats.open);
  socket.once("close", () => stats.open--);
});
dc.subscribe("http.server.request.start", () => stats.requests++);
const api = await startMockApi({ host: "127.0.0.1" });
process.on("message", (message) => {
  if (message === "reset-peak") stats.peakOpen = stats.open;
  const cpu = process.cpuUsage();
  process.send({ ...stats, cpuMs: (cpu.user + cpu.system) / 1000 });
});
process.on("disconnect", () => api.close().then(() => process.exit(0)));
process.send({ url: api.url });
`;
const child = spawn(process.execPath, ["--input-type=module", "-e", childSource], {
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const killChild = () => {
  if (child.exitCode === null && child.signalCode === null) child.kill();
};
process.on("exit", killChild);

/** @param {string} [message] @returns {Promise<any>} the child's next message */
const ask = (message) =>
  new Promise((resolve, reject) => {
    const onExit = (/** @type {number} */ code) => reject(new Error(`mock API exited (${code})`));
    child.once("exit", onExit);
    child.once("message", (reply) => {
      child.off("exit", onExit);
      resolve(reply);
    });
    if (message) child.send(message);
  });
/** @returns {Promise<{ accepted: number, open: number, peakOpen: number, requests: number, cpuMs: number }>} */
const serverStats = (reset = false) => ask(reset ? "reset-peak" : "stats");
const heap = () => process.memoryUsage().heapUsed;

/** @type {any[]} */
const bursts = [];
let baseline = 0;
let firstError = "";
let exitCode = 0;
const started = Date.now();
const loadBefore = os.loadavg()[0];
try {
  const { url: baseURL } = await ask();
  const { createClient, createNodeFetch } = await import(pathToFileURL(nodeAdapter).href);
  const nodeFetch = createNodeFetch({ connections: POOL });
  const client = createClient({ apiKey: API_KEY, baseURL, fetch: nodeFetch });
  /** @param {number} i */
  const call = (i) => (i % 2 ? client.getCurrentUser() : client.getCvmInfo({ name: "cvm-abc123" }));

  for (let i = 0; i < WARMUP; i++) await call(i);
  gc();
  await sleep(SETTLE_MS);
  gc();
  baseline = heap();

  for (let b = 1; b <= BURSTS; b++) {
    const before = await serverStats(true);
    gc();
    const heapBefore = heap();
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`burst ${b} did not finish within ${DEADLINE_MS / 1000} s`)),
        DEADLINE_MS,
      );
    });
    const cpu = process.cpuUsage();
    const t = performance.now();
    /** @type {PromiseSettledResult<unknown>[]} */
    const settled = await Promise.race([
      Promise.allSettled(Array.from({ length: CALLS }, (_, i) => call(i))),
      deadline,
    ]).finally(() => clearTimeout(timer));
    const ms = performance.now() - t;
    const heapAfterBurst = heap();
    const clientCpu = process.cpuUsage(cpu);
    const after = await serverStats();
    gc();
    await sleep(SETTLE_MS);
    gc();
    const heapAfterGc = heap();

    const rejected = settled.filter((s) => s.status === "rejected");
    if (rejected.length && !firstError) firstError = String(rejected[0].reason);
    const newConnections = after.accepted - before.accepted;
    bursts.push({
      burst: b,
      fulfilled: CALLS - rejected.length,
      rejected: rejected.length,
      wallMs: Math.round(ms),
      callsPerSecond: Math.round((CALLS / ms) * 1000),
      serverRequests: after.requests - before.requests,
      clientCpuMs: Math.round((clientCpu.user + clientCpu.system) / 1000),
      serverCpuMs: Math.round(after.cpuMs - before.cpuMs),
      newConnections,
      peakOpenConnections: after.peakOpen,
      connectionsSinceStart: after.accepted,
      heapBefore: heapBefore,
      heapAfterBurst,
      heapAfterGc,
      returnedToBaseline: heapAfterGc <= baseline + Math.max(baseline * 0.1, 2 * MIB),
    });
    console.log(JSON.stringify(bursts.at(-1)));
  }
  await nodeFetch.close();
} catch (error) {
  firstError ||= String(error);
  exitCode = 1;
  console.error(error);
} finally {
  child.disconnect?.();
  await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(2000)]);
  killChild();
}

const allSucceeded = bursts.length === BURSTS && bursts.every((r) => r.rejected === 0);
const bounded = bursts.every((r) => r.peakOpenConnections <= POOL && r.newConnections <= POOL);
const memoryReturned = bursts.length > 0 && bursts.every((r) => r.returnedToBaseline);
if (!allSucceeded || !bounded) exitCode = 1;

const mib = (/** @type {number} */ bytes) => (bytes / MIB).toFixed(1);
const lines = [
  `# ${CALLS.toLocaleString("en")} concurrent calls through one Node client`,
  "",
  `- Command: \`pnpm --filter @phala/cloud-bench load\` (bench/load.mjs, re-runs itself with \`--expose-gc\`), ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${machine()}`,
  `- Load average (1 min) at start / end: ${loadBefore.toFixed(1)} / ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs: wall time and throughput depend on it; the client and server CPU time used by each burst are given alongside.`,
  `- Method: ONE \`createClient\` from @phala/cloud-node (packages/node/dist) on \`createNodeFetch({ connections: ${POOL} })\`, against the mock API (apps/mock-api/dist) on 127.0.0.1 in a child process. Each burst fires ${CALLS.toLocaleString("en")} calls at once, half \`getCvmInfo({ name: "cvm-abc123" })\` and half \`getCurrentUser()\`, and awaits them with \`Promise.allSettled\` (deadline ${DEADLINE_MS / 1000} s); ${BURSTS} bursts in one process after ${WARMUP} sequential warm-up calls. The child counts the TCP connections its server accepts (diagnostics channel \`net.server.socket\`, with each socket's close) and the requests it receives (\`http.server.request.start\`), reported over IPC. Heap is \`process.memoryUsage().heapUsed\`: baseline after the warm-up and \`gc()\` + ${SETTLE_MS} ms; per burst before (after \`gc()\`), right after the burst, and after \`gc()\` + ${SETTLE_MS} ms + \`gc()\`; "returned" means at most baseline + max(10%, 2 MiB). ${((Date.now() - started) / 1000).toFixed(1)} s in all.`,
  "",
  "| burst | fulfilled | rejected | wall ms | calls / s | client CPU ms | server CPU ms | requests the server saw | new connections | peak open connections | connections since start | heap before MiB | heap right after MiB | heap after gc MiB | returned to baseline |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ...bursts.map(
    (r) =>
      `| ${r.burst} | ${r.fulfilled} | ${r.rejected} | ${r.wallMs} | ${r.callsPerSecond} | ${r.clientCpuMs} | ${r.serverCpuMs} | ${r.serverRequests} | ${r.newConnections} | ${r.peakOpenConnections} | ${r.connectionsSinceStart} | ${mib(r.heapBefore)} | ${mib(r.heapAfterBurst)} | ${mib(r.heapAfterGc)} | ${r.returnedToBaseline ? "yes" : "**no**"} |`,
  ),
  "",
  `- Baseline heap: ${mib(baseline)} MiB; after gc, burst ${bursts.length} is ${bursts.length ? `${mib(bursts.at(-1).heapAfterGc - bursts[0].heapAfterGc)} MiB above burst 1` : "-"} (growth from burst to burst once the first has run).`,
  `- All calls succeeded: ${allSucceeded ? "yes" : `**no**${firstError ? ` (first error: \`${firstError.slice(0, 300)}\`)` : ""}`}.`,
  `- Pool bounded (peak open and new connections per burst <= ${POOL}): ${bounded ? "yes" : "**no**"}.`,
  `- Memory back within 10% (or 2 MiB) of the baseline after every burst: ${memoryReturned ? "yes" : "**no**"} (reported, not enforced).`,
  "",
];
writeFileSync(new URL("./results/load.md", here), `${lines.join("\n")}\n`);
writeFileSync(
  new URL("./results/load.json", here),
  `${JSON.stringify({ calls: CALLS, bursts: BURSTS, pool: POOL, warmup: WARMUP, settleMs: SETTLE_MS, baselineHeap: baseline, results: bursts, allSucceeded, bounded, memoryReturned, firstError: firstError || null, pass: exitCode === 0 }, null, 2)}\n`,
);
console.log(lines.join("\n"));
process.exit(exitCode);
