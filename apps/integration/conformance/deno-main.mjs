// The Deno run of the conformance suite: spawned by src/conformance-deno.test.ts as
//   deno run --allow-net --allow-read --allow-env --no-check --quiet conformance/deno-main.mjs
// with MOCK_URL (the mock API on 127.0.0.1) and CONFORMANCE_ENTRIES (JSON:
// [{ name, fallback }]) in the environment. Each SDK entry is imported by its
// package name through node_modules (Deno resolves bare specifiers there when a
// package.json is present), or, when apps/integration does not depend on it yet,
// from the file URL of its built dist. Prints one JSON line:
//   { deno, entries: [{ name, via, error? }], reports: [ConformanceReport] }
import { runConformance } from "./suite.mjs";

/** @type {any} */
const Deno = /** @type {any} */ (globalThis).Deno;

const baseURL = Deno.env.get("MOCK_URL");
/** @type {{ name: string, fallback?: string }[]} */
const wanted = JSON.parse(Deno.env.get("CONFORMANCE_ENTRIES") ?? "[]");

const entries = [];
const reports = [];
for (const { name, fallback } of wanted) {
  /** @type {any} */
  let sdk;
  let via = "node_modules";
  try {
    sdk = await import(name);
  } catch (bareError) {
    if (!fallback) {
      entries.push({ name, via: "none", error: String(bareError) });
      continue;
    }
    try {
      sdk = await import(fallback);
      via = `path ${fallback}`;
    } catch (pathError) {
      entries.push({ name, via: "none", error: `${bareError} / ${pathError}` });
      continue;
    }
  }
  entries.push({ name, via });
  reports.push(await runConformance(sdk, { baseURL, runtime: "deno", sdkName: name }));
}

console.log(JSON.stringify({ deno: Deno.version.deno, entries, reports }));
