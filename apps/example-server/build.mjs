// Bundles each entry for its runtime with esbuild into dist/:
//   dist/node.js    Node ESM; packages stay external (resolved from node_modules at run time)
//   dist/worker.js  Workers ESM; Workers export conditions, no Node built-ins
//   dist/deno.js    Deno ESM; Deno export conditions, everything inlined but `node:` built-ins
// `node build.mjs` builds all three into dist/; the tests build their own copy
// into a temporary folder (vitest.global-setup.ts), so concurrent runs never share files.
import { mkdirSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const APP_DIR = dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = join(APP_DIR, "dist");

/** @type {Record<"node" | "worker" | "deno", import("esbuild").BuildOptions>} */
export const BUNDLES = {
  node: {
    entryPoints: [join(APP_DIR, "src/node.ts")],
    platform: "node",
    target: "node20",
    packages: "external",
  },
  worker: {
    entryPoints: [join(APP_DIR, "src/worker.ts")],
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
  },
  deno: {
    entryPoints: [join(APP_DIR, "src/deno.ts")],
    platform: "neutral",
    conditions: ["deno", "import"],
    mainFields: ["module", "main"],
    target: "es2022",
    // Deno provides the Node built-ins the in-process mock API uses, prefixed or
    // not (a tsup build writes `http` for `node:http`).
    external: ["node:*", ...builtinModules],
  },
};

/**
 * Builds the three bundles into `outDir` (default dist/) and returns their paths.
 * `dist/node.js` resolves its packages from node_modules at run time, so
 * `outDir` must sit inside this app (e.g. under node_modules/.cache).
 * @param {string} [outDir]
 * @returns {Promise<Record<"node" | "worker" | "deno", string>>}
 */
export async function buildBundles(outDir = DIST_DIR) {
  mkdirSync(outDir, { recursive: true });
  const names = /** @type {(keyof typeof BUNDLES)[]} */ (Object.keys(BUNDLES));
  const paths = /** @type {Record<keyof typeof BUNDLES, string>} */ (
    Object.fromEntries(names.map((name) => [name, join(outDir, `${name}.js`)]))
  );
  await Promise.all(
    names.map((name) =>
      esbuild.build({
        bundle: true,
        format: "esm",
        sourcemap: "linked",
        logLevel: "warning",
        ...BUNDLES[name],
        outfile: paths[name],
      }),
    ),
  );
  return paths;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await buildBundles();
  for (const [name, path] of Object.entries(built)) console.log(`${name}: ${path}`);
}
