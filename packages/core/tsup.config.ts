import { readFileSync } from "node:fs";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

/** This package's version, written into the User-Agent of every request at build time. */
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

/**
 * Core validates through Standard Schema and never names a validator, so each
 * flavour is the same source with `@phala/cloud-schemas` resolved to another
 * entry of the schemas package; only the schemas it links change. Types come
 * from the package root (the zod schemas) for both.
 */
function linkSchemas(entry: string): Plugin {
  return {
    name: `link-${entry}`,
    setup(build) {
      build.onResolve({ filter: /^@phala\/cloud-schemas$/ }, () => ({
        path: `@phala/cloud-schemas/${entry}`,
        external: true,
      }));
      // The package's own `actions` entry (create-client.ts), by the flavour's
      // name; scripts/link-own-actions.mjs then points each file at its own.
      build.onResolve({ filter: /^@phala\/cloud-core\/actions$/ }, () => ({
        path:
          entry === "valibot" ? "@phala/cloud-core/valibot/actions" : "@phala/cloud-core/actions",
        external: true,
      }));
    },
  };
}

const common = {
  // With the `paths` the declarations need (see tsconfig.src.json).
  tsconfig: "tsconfig.src.json",
  format: ["esm", "cjs"] as ("esm" | "cjs")[],
  treeshake: true,
  splitting: true,
  target: "es2022",
  // tsup would otherwise mark the package external before the plugin sees it.
  noExternal: ["@phala/cloud-schemas"],
  define: { __PHALA_CLOUD_CORE_VERSION__: JSON.stringify(version) },
};

export default defineConfig([
  {
    ...common,
    entry: { index: "src/index.ts", "actions/index": "src/actions/index.ts" },
    dts: true,
    // create-client.ts imports the package's own `actions` entry (see there).
    external: ["@phala/cloud-core/actions"],
    // The zod flavour links the lazy entry: a Standard Schema proxy per schema
    // that imports its zod module at the first validation, so importing core
    // (or the SDK) loads neither zod nor any schema.
    esbuildPlugins: [linkSchemas("lazy")],
  },
  {
    ...common,
    // Its own folder: both builds split shared code into chunks, and their
    // chunks must not meet.
    entry: { index: "src/index.ts", actions: "src/actions/index.ts" },
    outDir: "dist/valibot",
    // Types are the same as the default entry's (they come from the response map).
    dts: false,
    // Static: edge bundles keep valibot and only the schemas they use.
    esbuildPlugins: [linkSchemas("valibot")],
  },
]);
