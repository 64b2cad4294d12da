// @ts-check
// What the SDK's request path costs on the edge, over the floor: the same
// Worker program (`createBaseClient` + `getCvmInfo` from `@phala/cloud` under
// the workerd conditions) beside a program with no SDK at all (fetch, then
// valibot's parse with the same getCvmInfo schema), both bundled by esbuild the
// same way; then where the SDK's bytes go, guarantee by guarantee, from
// esbuild's metafile (`bytesInOutput` of each input module).
// Run: pnpm --filter @phala/cloud-bench edge-floor  (writes results/edge-floor.md + .json)
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { floorProgram } from "./floor.mjs";
import { machine } from "./stats.mjs";

/**
 * Which guarantee a module pays for, by a pattern on its path (first match
 * wins). Paths are shortened to `core/<path under packages/core/src>`,
 * `schemas/<path under packages/schemas/dist>`, `cloud/<path under
 * packages/cloud/dist>`, `<package>/<path>` for node_modules, and `program`.
 * Patterns name files by what they do, not by today's layout, so that
 * splitting or moving a module keeps it in its row; a module no pattern
 * matches is listed under "other", by name, so nothing is hidden.
 * @type {[guarantee: string, pattern: RegExp][]}
 */
const GUARANTEES = [
  ["the program itself (two imports, one call)", /^program$/],
  ["valibot: the validator", /^valibot\//],
  [
    "schemas: getCvmInfo's shapes (2025-10-28 and 2026-01-21)",
    /^schemas\/valibot\/(wire|common|precompile|resources|v\d)/,
  ],
  ["schemas: version registry and endpoint tables", /^schemas\/(.*\/)?(versions?|endpoints)\./],
  ["@phala/cloud's entry (createClient, allActions)", /^cloud\//],
  [
    "retries: backoff with jitter, Retry-After, bounded count and time",
    /^core\/(.*\/)?retry(-[a-z-]+)?\.ts$/,
  ],
  ["hooks, events and logging", /^core\/(.*\/)?(hooks|events|logger)\.ts$/],
  ["redirects kept to the API origin", /^core\/(.*\/)?redirects?\.ts$/],
  [
    "response body: bounded read (size limit), JSON and content checks",
    /^core\/(.*\/)?(body|response)\.ts$/,
  ],
  ["timeout per attempt, caller's AbortSignal", /^core\/(.*\/)?(signals?|timeouts?|abort)\.ts$/],
  ["one attempt: fetch, status, its typed error", /^core\/(.*\/)?attempts?\.ts$/],
  ["API key redaction (toJSON, inspect, messages)", /^core\/(.*\/)?secrets?\.ts$/],
  ["typed errors: a class per status family, messages, detail items", /^core\/(.*\/)?errors?\.ts$/],
  ["version resolution (LATEST, unknown version error)", /^core\/(.*\/)?versions?\.ts$/],
  [
    "URL and headers (auth, X-Phala-Version, User-Agent, origin checks)",
    /^core\/(.*\/)?(url|headers)\.ts$/,
  ],
  [
    "argument checks: CVM ids, query, body",
    /^core\/(.*\/)?(cvm-id|app-id|query-args|body-args)\.ts$/,
  ],
  [
    "client: createBaseClient, withVersion, extend, request, settings",
    /^core\/(client|client-state|settings|env|create-client)\.ts$/,
  ],
  [
    "actions: defineAction, schema choice, APIPromise, safe results",
    /^core\/(action|api-promise)\.ts$/,
  ],
  ["the action called (getCvmInfo) and its helpers", /^core\/actions\//],
  [
    "request pipeline: the call's setup and its loop over attempts (send, call)",
    /^core\/(.*\/)?(transport|send|call)\.ts$/,
  ],
];
const OTHER = "other (no pattern matched)";

const here = new URL(".", import.meta.url);
const root = new URL("../", here).pathname;
const coreDir = new URL("../packages/core/", here).pathname;
// CORE_SRC=<folder>: read core's modules from another tree (a checkout of
// another commit), still resolving its dependencies from packages/core.
const coreSrc = process.env.CORE_SRC
  ? `${process.env.CORE_SRC.replace(/\/$/, "")}/`
  : `${coreDir}src/`;
const coreVersion = JSON.parse(
  readFileSync(new URL("../packages/core/package.json", here), "utf8"),
).version;
/** The conditions a Workers bundler (wrangler) resolves with. */
const WORKER_CONDITIONS = ["workerd", "worker", "browser"];
const SDK_PROGRAM = `import { createBaseClient, getCvmInfo } from "@phala/cloud";
export const run = () => getCvmInfo(createBaseClient({ apiKey: "k" }), { id: "x" });`;

/**
 * Core's published build is tsup's chunks (one input to esbuild); to see its
 * modules, this plugin links the same program to core's source as tsup's
 * valibot flavour does (`@phala/cloud-schemas` -> its `/valibot` entry).
 * @type {import("esbuild").Plugin}
 */
const coreFromSource = {
  name: "core-from-source",
  setup(b) {
    b.onResolve({ filter: /^@phala\/cloud-core\/valibot$/ }, () => ({
      path: `${coreSrc}index.ts`,
    }));
    // The flavour's actions entry, and core's own import of it by name (create-client.ts).
    b.onResolve({ filter: /^@phala\/cloud-core\/(valibot\/)?actions$/ }, () => ({
      path: `${coreSrc}actions/index.ts`,
    }));
    b.onResolve({ filter: /^@phala\/cloud-schemas$/ }, (args) =>
      b.resolve("@phala/cloud-schemas/valibot", { resolveDir: coreDir, kind: args.kind }),
    );
    b.onResolve({ filter: /^@(phala|standard-schema)\// }, (args) =>
      args.resolveDir.startsWith(coreSrc) && !args.pluginData
        ? b.resolve(args.path, { resolveDir: coreDir, kind: args.kind, pluginData: true })
        : undefined,
    );
  },
};

/** A module's path in the metafile (relative to the root) -> the short path GUARANTEES matches. */
function shortPath(path) {
  if (path === "<stdin>") return "program";
  const absolute = resolve(root, path);
  if (absolute.startsWith(coreSrc)) return `core/${absolute.slice(coreSrc.length)}`;
  const dependency =
    /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (dependency) return `${dependency[1]}/${dependency[2]}`;
  return path
    .replace(/^packages\/schemas\/dist\//, "schemas/")
    .replace(/^packages\/cloud\/dist\//, "cloud/");
}

/**
 * @param {{ source: string, resolveDir?: string, define?: Record<string, string>, plugins?: import("esbuild").Plugin[] }} program
 */
async function bundle({ source, resolveDir, define, plugins }) {
  const result = await build({
    absWorkingDir: root,
    stdin: { contents: source, resolveDir: resolveDir ?? here.pathname, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    conditions: WORKER_CONDITIONS,
    define: { __PHALA_CLOUD_CORE_VERSION__: JSON.stringify(coreVersion), ...define },
    plugins,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  /** @type {Record<string, number>} short path -> bytes in the output */
  const modules = {};
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs))
    if (bytesInOutput > 0) modules[shortPath(path)] = bytesInOutput;
  return {
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    containsZod: Object.keys(result.metafile.inputs).some((p) =>
      /node_modules\/(\.pnpm\/)?zod/.test(p),
    ),
    modules,
  };
}

/** Bytes by package (first segment of the short path). */
function byPackage(modules) {
  /** @type {Record<string, number>} */
  const sums = {};
  for (const [path, bytes] of Object.entries(modules)) {
    const name = path.split("/")[0];
    sums[name] = (sums[name] ?? 0) + bytes;
  }
  return sums;
}

const floor = await bundle(floorProgram());
const sdk = await bundle({ source: SDK_PROGRAM });
const fromSource = await bundle({ source: SDK_PROGRAM, plugins: [coreFromSource] }).catch(
  (error) => {
    // Core's source mid-change (a module moved, an export not yet there): the
    // published entries above were measured; the breakdown needs a source that builds.
    console.error(
      `floor: ${floor.gzip} B gzip; @phala/cloud (workerd): ${sdk.gzip} B gzip\n` +
        `Core's source (${coreSrc}) does not build, so no per-module breakdown; nothing written. ` +
        `Retry when it builds, or point CORE_SRC at another checkout of packages/core/src.\n${error.message}`,
    );
    process.exit(1);
  },
);

/** @type {Map<string, { modules: [string, number][], bytes: number }>} */
const rows = new Map(
  [...GUARANTEES.map(([name]) => name), OTHER].map((n) => [n, { modules: [], bytes: 0 }]),
);
for (const [path, bytes] of Object.entries(fromSource.modules).sort((a, b) => b[1] - a[1])) {
  const name = GUARANTEES.find(([, pattern]) => pattern.test(path))?.[0] ?? OTHER;
  const row = rows.get(name);
  row?.modules.push([path, bytes]);
  if (row) row.bytes += bytes;
}
const attributed = [...rows.values()].reduce((sum, row) => sum + row.bytes, 0);
const floorPackages = byPackage(floor.modules);
const sdkPackages = byPackage(fromSource.modules);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pct = (n, of) => `${((100 * n) / of).toFixed(1)}%`;
const signed = (n) => `${n >= 0 ? "+" : "−"}${Math.abs(n).toLocaleString("en")}`;
const lines = [
  "# The edge: the SDK's request path over the floor",
  "",
  `- Command: \`pnpm --filter @phala/cloud-bench edge-floor\` (bench/edge-floor.mjs), ${new Date().toISOString().slice(0, 10)}; esbuild, minified ESM, platform browser, conditions ${WORKER_CONDITIONS.join("/")}; gzip level 9; sizes are deterministic (one build each, no medians needed)`,
  `- Machine: ${machine()}`,
  `- Core's modules (for the breakdown) read from ${process.env.CORE_SRC ? `CORE_SRC=${process.env.CORE_SRC}` : "packages/core/src"}; the other bundles from the packages' dist.`,
  '- SDK: `import { createBaseClient, getCvmInfo } from "@phala/cloud"`, one `getCvmInfo` call. Floor: no SDK, `fetch` with the two headers, `if (!ok) throw`, then valibot\'s `parse` with the same `getCvmInfoResponseSchemas[version]` (bench/floor.mjs).',
  "",
  "| program | minified | gzip | contains zod | gzip / floor |",
  "|---|---:|---:|---|---:|",
  `| floor (no SDK): fetch + valibot parse of getCvmInfo's schema | ${floor.bytes.toLocaleString("en")} B | ${floor.gzip.toLocaleString("en")} B | ${floor.containsZod ? "yes" : "no"} | 1.00x |`,
  `| \`@phala/cloud\` (workerd conditions → dist/edge.js) | ${sdk.bytes.toLocaleString("en")} B | ${sdk.gzip.toLocaleString("en")} B | ${sdk.containsZod ? "yes" : "no"} | ${(sdk.gzip / floor.gzip).toFixed(2)}x |`,
  `| same program, core linked from its source (for the metafile below) | ${fromSource.bytes.toLocaleString("en")} B | ${fromSource.gzip.toLocaleString("en")} B | ${fromSource.containsZod ? "yes" : "no"} | ${(fromSource.gzip / floor.gzip).toFixed(2)}x |`,
  "",
  `**The SDK costs ${signed(sdk.gzip - floor.gzip)} bytes gzip (${signed(sdk.bytes - floor.bytes)} minified) over the floor**: ${kb(sdk.gzip)} against ${kb(floor.gzip)}.`,
  "",
  "By package (minified bytes in the output, from the metafile):",
  "",
  "| package | floor | SDK | SDK − floor |",
  "|---|---:|---:|---:|",
  ...[...new Set([...Object.keys(floorPackages), ...Object.keys(sdkPackages)])].map(
    (name) =>
      `| ${name} | ${(floorPackages[name] ?? 0).toLocaleString("en")} | ${(sdkPackages[name] ?? 0).toLocaleString("en")} | ${signed((sdkPackages[name] ?? 0) - (floorPackages[name] ?? 0))} |`,
  ),
  "",
  `What each guarantee costs: every module of the SDK bundle with its \`bytesInOutput\`, grouped by the patterns of GUARANTEES at the top of bench/edge-floor.mjs (first match wins; ${attributed.toLocaleString("en")} of the ${fromSource.bytes.toLocaleString("en")} minified bytes are in modules, the rest is esbuild's glue). Gzip does not add up by module: the last column is the group's share of the bundle's gzip size, pro rata to its minified bytes, an estimate only.`,
  "",
  "| guarantee | modules (minified bytes) | minified | share | ≈ gzip (pro rata) |",
  "|---|---|---:|---:|---:|",
  ...[...rows.entries()]
    .filter(([, row]) => row.bytes > 0)
    .map(
      ([name, row]) =>
        `| ${name} | ${row.modules.map(([p, b]) => `${p} (${b.toLocaleString("en")})`).join(", ")} | ${row.bytes.toLocaleString("en")} | ${pct(row.bytes, fromSource.bytes)} | ${Math.round((fromSource.gzip * row.bytes) / fromSource.bytes).toLocaleString("en")} |`,
    ),
  "",
];
const sameBuild = Math.abs(fromSource.bytes - sdk.bytes) / sdk.bytes < 0.02;
if (!sameBuild)
  lines.push(
    `**Note:** the source-linked bundle differs from the published one by more than 2% (${fromSource.bytes} vs ${sdk.bytes} B): core's dist is not built from its current source; rebuild core (\`pnpm --filter @phala/cloud-core build\`) before reading the table.`,
    "",
  );

writeFileSync(new URL("./results/edge-floor.md", here), `${lines.join("\n")}\n`);
writeFileSync(
  new URL("./results/edge-floor.json", here),
  `${JSON.stringify(
    {
      floor,
      sdk,
      sdkFromSource: fromSource,
      guarantees: Object.fromEntries(
        [...rows.entries()].filter(([, row]) => row.bytes > 0).map(([name, row]) => [name, row]),
      ),
    },
    null,
    2,
  )}\n`,
);
console.log(lines.join("\n"));
if (sdk.containsZod) {
  console.error("the @phala/cloud Worker program contains zod");
  process.exit(1);
}
