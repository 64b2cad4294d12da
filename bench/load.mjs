// @ts-check
// Load test (issue 5): 1,000 concurrent calls through ONE client of the Node
// adapter (`createClient` + `createNodeFetch({ connections: 32 })`) against the
// mock API in a child process. Checks that every call succeeds, that the server
// never sees more sockets than the pool allows, and that the heap returns to its
// baseline once the burst is over and the pool's idle sockets have closed.
//
// The baseline is taken after a warm-up burst of the same size, once its sockets
// have closed: the first burst of a process compiles the concurrent code paths
// (about 1 MiB of V8 code) and fills Node's resource-timing buffer (250 entries,
// written by undici's fetch); both are once per process, not per call. Every
// heap figure that is compared to the baseline is taken in the same state: no
// call in flight, no socket open, after gc(). The script holds no call's result
// across a measurement (each burst is reduced to counts before gc()).
//
// Run: pnpm --filter @phala/cloud-bench load  (writes results/load.md + .json)
// LOAD_HEAP_SNAPSHOTS=<dir> also writes a heap snapshot at each idle point
// (compare two with `node bench/heap-diff.mjs <a> <b>`); snapshots block the
// process for seconds, so the figures of such a run are not the ones to record.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writeHeapSnapshot } from "node:v8";
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
const BURSTS = Number(process.env.BURSTS ?? 5);
const POOL = 32;
const SEQUENTIAL_WARMUP = 50;
const DEADLINE_MS = 60_000;
// Idle sockets close after the server's `Keep-Alive: timeout=5` hint (less undici's margin).
const IDLE_DEADLINE_MS = 30_000;
const SETTLE_MS = 250;
// Returned: the idle heap after a burst is at most this far above the baseline.
// Run-to-run spread of the idle heap on this machine is about ±0.25 MiB (V8 code
// tiering and flushing), against 2.3 MiB for the 1,000 responses of one burst.
const TOLERANCE = 0.5 * 2 ** 20;
const MIB = 2 ** 20;
const API_KEY = "phak_bench0000000000000000000000";
const snapshotDir = process.env.LOAD_HEAP_SNAPSHOTS;
if (snapshotDir) mkdirSync(snapshotDir, { recursive: true });

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

// The mock API in its own process, so the heap measured here is the client's
// alone. It counts the TCP connections its server accepts (and how many are open
// at once) and the HTTP requests it receives, and answers { stats } over IPC; it
// stops when the IPC channel closes.
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
/** Ref'd handles and requests (timers, sockets) keeping the event loop alive, by kind. */
const activeResources = () =>
  process
    .getActiveResourcesInfo()
    .sort()
    .reduce((/** @type {Record<string, number>} */ counts, kind) => {
      counts[kind] = (counts[kind] ?? 0) + 1;
      return counts;
    }, {});

/** @type {any[]} */
const bursts = [];
/** @type {Record<string, any>} */
const reference = {};
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
  const clientSockets = () =>
    Object.values(nodeFetch.dispatcher.stats ?? {}).reduce(
      (sum, /** @type {{ connected?: number }} */ origin) => sum + (origin.connected ?? 0),
      0,
    );

  /** Fires CALLS calls at once; returns counts only, so no result outlives the burst. */
  const fire = async () => {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`a burst did not finish within ${DEADLINE_MS / 1000} s`)),
        DEADLINE_MS,
      );
    });
    /** @type {PromiseSettledResult<unknown>[]} */
    const settled = await Promise.race([
      Promise.allSettled(Array.from({ length: CALLS }, (_, i) => call(i))),
      deadline,
    ]).finally(() => clearTimeout(timer));
    let rejected = 0;
    for (const result of settled) {
      if (result.status === "fulfilled") continue;
      rejected++;
      firstError ||= String(result.reason);
    }
    return { rejected };
  };

  const collect = async () => {
    gc();
    await sleep(SETTLE_MS);
    gc();
  };
  /** Waits until the pool's sockets have closed (both ends), then gc(): the idle state. */
  const idle = async (/** @type {string} */ name) => {
    const t = performance.now();
    for (;;) {
      if (clientSockets() === 0 && (await serverStats()).open === 0) break;
      if (performance.now() - t > IDLE_DEADLINE_MS) {
        throw new Error(`sockets still open ${IDLE_DEADLINE_MS / 1000} s after a burst`);
      }
      await sleep(100);
    }
    const waitedMs = Math.round(performance.now() - t);
    await collect();
    const heapUsed = heap();
    if (snapshotDir) writeHeapSnapshot(join(snapshotDir, `load-${name}.heapsnapshot`));
    return { heapUsed, waitedMs, resources: activeResources() };
  };

  // Reference points: before any call, after sequential calls (one socket), and
  // the baseline after a warm-up burst. stdout is opened first (its handle is
  // an active resource), so the first line printed later does not count as new.
  console.log(`load: ${BURSTS} bursts of ${CALLS} calls after a warm-up burst`);
  await collect();
  reference.beforeCalls = heap();
  reference.resourcesBeforeCalls = activeResources();
  for (let i = 0; i < SEQUENTIAL_WARMUP; i++) await call(i);
  reference.afterSequential = (await idle("sequential")).heapUsed;
  const warmup = await fire();
  if (warmup.rejected) throw new Error(`warm-up burst: ${warmup.rejected} calls failed`);
  const baselineState = await idle("baseline");
  reference.baseline = baselineState.heapUsed;
  reference.resourcesAtBaseline = baselineState.resources;
  reference.baselineIdleWaitMs = baselineState.waitedMs;

  for (let b = 1; b <= BURSTS; b++) {
    const before = await serverStats(true);
    const cpu = process.cpuUsage();
    const t = performance.now();
    const { rejected } = await fire();
    const ms = performance.now() - t;
    const heapAfterBurst = heap();
    const clientCpu = process.cpuUsage(cpu);
    const after = await serverStats();
    await collect();
    const heapPoolOpen = heap();
    const socketsOpen = clientSockets();
    const { heapUsed: heapIdle, waitedMs, resources } = await idle(`burst-${b}`);
    bursts.push({
      burst: b,
      fulfilled: CALLS - rejected,
      rejected,
      wallMs: Math.round(ms),
      callsPerSecond: Math.round((CALLS / ms) * 1000),
      serverRequests: after.requests - before.requests,
      clientCpuMs: Math.round((clientCpu.user + clientCpu.system) / 1000),
      serverCpuMs: Math.round(after.cpuMs - before.cpuMs),
      newConnections: after.accepted - before.accepted,
      peakOpenConnections: after.peakOpen,
      connectionsSinceStart: after.accepted,
      heapAfterBurst,
      heapPoolOpen,
      socketsOpen,
      idleWaitMs: waitedMs,
      heapIdle,
      aboveBaseline: heapIdle - reference.baseline,
      returnedToBaseline: heapIdle - reference.baseline <= TOLERANCE,
      resourcesIdle: resources,
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

const sameResources = (/** @type {Record<string, number>} */ a) =>
  JSON.stringify(a) === JSON.stringify(reference.resourcesAtBaseline);
const allSucceeded = bursts.length === BURSTS && bursts.every((r) => r.rejected === 0);
const bounded = bursts.every((r) => r.peakOpenConnections <= POOL && r.newConnections <= POOL);
const memoryReturned = bursts.length === BURSTS && bursts.every((r) => r.returnedToBaseline);
const resourcesReturned = bursts.every((r) => sameResources(r.resourcesIdle));
if (!allSucceeded || !bounded || !memoryReturned || !resourcesReturned) exitCode = 1;

const mib = (/** @type {number} */ bytes) => (bytes / MIB).toFixed(2);
const signed = (/** @type {number} */ bytes) => `${bytes < 0 ? "−" : "+"}${mib(Math.abs(bytes))}`;
const idleHeaps = bursts.map((r) => r.heapIdle);
const lines = [
  `# ${CALLS.toLocaleString("en")} concurrent calls through one Node client`,
  "",
  `- Command: \`pnpm --filter @phala/cloud-bench load\` (bench/load.mjs, re-runs itself with \`--expose-gc\`), ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${machine()}`,
  `- Load average (1 min) at start / end: ${loadBefore.toFixed(1)} / ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs: wall time and throughput depend on it; the client and server CPU time used by each burst are given alongside.`,
  `- Method: ONE \`createClient\` from @phala/cloud-node (packages/node/dist) on \`createNodeFetch({ connections: ${POOL} })\`, against the mock API (apps/mock-api/dist) on 127.0.0.1 in a child process (so the heap measured is the client's alone). Each burst fires ${CALLS.toLocaleString("en")} calls at once, half \`getCvmInfo({ name: "cvm-abc123" })\` and half \`getCurrentUser()\`, and awaits them with \`Promise.allSettled\` (deadline ${DEADLINE_MS / 1000} s), keeping only the count of failures. The child counts the TCP connections its server accepts (diagnostics channel \`net.server.socket\`, with each socket's close) and the requests it receives (\`http.server.request.start\`), reported over IPC. ${((Date.now() - started) / 1000).toFixed(1)} s in all.`,
  `- Heap is \`process.memoryUsage().heapUsed\` after \`gc()\` + ${SETTLE_MS} ms + \`gc()\`. **Idle** means no call in flight and every pool socket closed at both ends (the client's undici pool reports 0 connected and the server 0 open: the keep-alive timeout has passed). The **baseline** is the idle heap after ${SEQUENTIAL_WARMUP} sequential calls and then one warm-up burst of ${CALLS.toLocaleString("en")} calls, so that it already holds what a process pays once for its first burst (see below); every burst's idle heap is compared to it. "Returned" means at most ${mib(TOLERANCE)} MiB above the baseline; the active resources (ref'd handles and timers, \`process.getActiveResourcesInfo()\`) must also be those of the baseline.`,
  "",
  "| | heap MiB | vs baseline MiB |",
  "|---|---:|---:|",
  `| before any call | ${mib(reference.beforeCalls ?? 0)} | ${signed((reference.beforeCalls ?? 0) - (reference.baseline ?? 0))} |`,
  `| idle after ${SEQUENTIAL_WARMUP} sequential calls (one socket) | ${mib(reference.afterSequential ?? 0)} | ${signed((reference.afterSequential ?? 0) - (reference.baseline ?? 0))} |`,
  `| **baseline**: idle after a warm-up burst of ${CALLS.toLocaleString("en")} | ${mib(reference.baseline ?? 0)} | 0 |`,
  "",
  "| burst | fulfilled | rejected | wall ms | calls / s | client CPU ms | server CPU ms | requests the server saw | new connections | peak open connections | connections since start | heap right after MiB | heap after gc, pool open MiB (sockets) | ms until idle | heap idle MiB | idle vs baseline MiB | returned |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ...bursts.map(
    (r) =>
      `| ${r.burst} | ${r.fulfilled} | ${r.rejected} | ${r.wallMs} | ${r.callsPerSecond} | ${r.clientCpuMs} | ${r.serverCpuMs} | ${r.serverRequests} | ${r.newConnections} | ${r.peakOpenConnections} | ${r.connectionsSinceStart} | ${mib(r.heapAfterBurst)} | ${mib(r.heapPoolOpen)} (${r.socketsOpen}) | ${r.idleWaitMs} | ${mib(r.heapIdle)} | ${signed(r.aboveBaseline)} | ${r.returnedToBaseline ? "yes" : "**no**"} |`,
  ),
  "",
  `- All calls succeeded: ${allSucceeded ? "yes" : `**no**${firstError ? ` (first error: \`${firstError.slice(0, 300)}\`)` : ""}`}.`,
  `- Pool bounded (peak open and new connections per burst <= ${POOL}): ${bounded ? "yes" : "**no**"}.`,
  `- Memory returned to the baseline (idle heap within ${mib(TOLERANCE)} MiB) after every burst: ${memoryReturned ? "yes" : "**no**"}; idle heaps of the bursts span ${idleHeaps.length ? `${signed(Math.min(...idleHeaps) - reference.baseline)} to ${signed(Math.max(...idleHeaps) - reference.baseline)}` : "-"} MiB around the baseline, last burst ${bursts.length ? signed(bursts.at(-1).heapIdle - bursts[0].heapIdle) : "-"} MiB against the first (growth over ${Math.max(bursts.length - 1, 0) * CALLS} calls).`,
  `- Active resources at idle the same as at the baseline (${JSON.stringify(reference.resourcesAtBaseline ?? {})}) after every burst: ${resourcesReturned ? "yes" : "**no**"}.`,
  "",
];
writeFileSync(new URL("./results/load.md", here), `${lines.join("\n")}\n`);
writeFileSync(
  new URL("./results/load.json", here),
  `${JSON.stringify(
    {
      calls: CALLS,
      bursts: BURSTS,
      pool: POOL,
      sequentialWarmup: SEQUENTIAL_WARMUP,
      settleMs: SETTLE_MS,
      toleranceBytes: TOLERANCE,
      ...reference,
      results: bursts,
      allSucceeded,
      bounded,
      memoryReturned,
      resourcesReturned,
      firstError: firstError || null,
      pass: exitCode === 0,
    },
    null,
    2,
  )}\n`,
);
console.log(lines.join("\n"));
process.exit(exitCode);
