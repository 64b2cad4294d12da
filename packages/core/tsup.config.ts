import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

/**
 * The valibot flavour of core is the same source with `@phala/cloud-schemas`
 * resolved to its valibot entry: the code validates through Standard Schema and
 * never names a validator, so only the schemas it links change.
 */
const valibotSchemas: Plugin = {
  name: "valibot-schemas",
  setup(build) {
    build.onResolve({ filter: /^@phala\/cloud-schemas$/ }, () => ({
      path: "@phala/cloud-schemas/valibot",
      external: true,
    }));
  },
};

const common = {
  format: ["esm", "cjs"] as ("esm" | "cjs")[],
  treeshake: true,
  splitting: true,
  target: "es2022",
};

export default defineConfig([
  {
    ...common,
    entry: { index: "src/index.ts", "actions/index": "src/actions/index.ts" },
    dts: true,
  },
  {
    ...common,
    // Its own folder: both builds split shared code into chunks, and their
    // chunks must not meet.
    entry: { index: "src/index.ts", actions: "src/actions/index.ts" },
    outDir: "dist/valibot",
    // Types are the same as the default entry's (they come from the response map).
    dts: false,
    // tsup would otherwise mark the package external before the plugin sees it.
    noExternal: ["@phala/cloud-schemas"],
    esbuildPlugins: [valibotSchemas],
  },
]);
