// Which files a fresh Node process loads when it imports a built entry, and
// which more once some code has run: the check that importing the SDK loads
// neither zod nor undici (they load on first use). Test support shared by the
// packages' tests, not built into any package. No timing: only what is loaded.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

/**
 * A test timeout for tests that start Node: generous, as a child's start-up on
 * a loaded machine (every package's tests at once) takes seconds. Not a speed
 * check: no test here measures time.
 */
export const CHILD_PROCESS_TIMEOUT = 60_000;

export interface LoadedModules {
  /** Every file loaded by the import itself (file URLs). */
  atImport: string[];
  /** Every file loaded once `then` has also run. */
  afterward: string[];
}

// Records each resolved URL (ESM imports, `import()` of CommonJS packages
// included); CommonJS files that `require` loads are in require.cache instead.
const HOOKS = `
import { appendFileSync } from "node:fs";
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + "\\n");
  return result;
}
`;

const REGISTER = (hooks: string, log: string) => `
import { register } from "node:module";
register(${JSON.stringify(hooks)}, { data: { log: ${JSON.stringify(log)} } });
`;

const SCRIPT = {
  esm: (entry: string, then: string, log: string) => `
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
const require = createRequire(import.meta.url);
const loaded = () => [
  ...readFileSync(${JSON.stringify(log)}, "utf8").split("\\n").filter(Boolean),
  ...Object.keys(require.cache).map((path) => pathToFileURL(path).href),
];
const m = await import(${JSON.stringify(pathToFileURL(entry).href)});
const atImport = loaded();
${then}
console.log(JSON.stringify({ atImport, afterward: loaded() }));
`,
  cjs: (entry: string, then: string) => `
const { pathToFileURL } = require("node:url");
const loaded = () => Object.keys(require.cache).map((path) => pathToFileURL(path).href);
(async () => {
  const m = require(${JSON.stringify(entry)});
  const atImport = loaded();
  ${then}
  console.log(JSON.stringify({ atImport, afterward: loaded() }));
})();
`,
};

/**
 * Imports `entry` (a built file: `.js` as ESM, `.cjs` with `require`) in a
 * fresh `node`, then runs `then` (JavaScript with the module as `m`; it may
 * `await`), and lists the files loaded at each point. Fails when the script does.
 */
export async function modulesLoadedBy(entry: string, then = ""): Promise<LoadedModules> {
  const format = entry.endsWith(".cjs") ? "cjs" : "esm";
  const scratch = mkdtempSync(join(tmpdir(), "phala-cloud-loaded-"));
  try {
    const log = join(scratch, "resolved.log");
    writeFileSync(log, "");
    const hooks = join(scratch, "hooks.mjs");
    writeFileSync(hooks, HOOKS);
    const register = join(scratch, "register.mjs");
    writeFileSync(register, REGISTER(pathToFileURL(hooks).href, log));
    const script = join(scratch, format === "esm" ? "script.mjs" : "script.cjs");
    writeFileSync(script, SCRIPT[format](entry, then, log));
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    // Asynchronous: `then` may call a server running in this process.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", pathToFileURL(register).href, script],
      { env, encoding: "utf8" },
    );
    return JSON.parse(stdout.trim().split("\n").pop() ?? "") as LoadedModules;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The installed third-party packages among `files`, by name (`zod`, `undici`).
 * Workspace packages resolve to their real paths, outside node_modules.
 */
export function packagesIn(files: readonly string[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//.exec(
      decodeURIComponent(file)
        .split("\\")
        .join("/")
        .replace(/^.*\/node_modules\/\.pnpm\//, "/"),
    );
    if (match?.[1]) names.add(match[1]);
  }
  return [...names].sort();
}
