import { existsSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

/**
 * Keeps every source file its own output module: relative imports stay imports
 * (with the extension Node needs), so with `sideEffects: false` a bundler drops
 * every file an application does not reach. Schema construction runs at module
 * top level, which no bundler can prove pure inside one big file.
 */
const keepModules: Plugin = {
  name: "keep-modules",
  setup(build) {
    const ext = build.initialOptions.format === "cjs" ? ".cjs" : ".js";
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const target = path.resolve(args.resolveDir, args.path);
      const spec = existsSync(`${target}.ts`) ? args.path : `${args.path}/index`;
      return { path: `${spec}${ext}`, external: true };
    });
  },
};

export default defineConfig({
  entry: ["src/**/*.ts", "!src/**/*.test.ts", "!src/**/*.test-d.ts", "!src/**/*.test-support.ts"],
  format: ["esm", "cjs"],
  dts: {
    entry: {
      index: "src/index.ts",
      "valibot/index": "src/valibot/index.ts",
      // The types dist/lazy.d.ts (written by scripts/gen-entries.mjs) imports.
      "lazy-schema": "src/lazy-schema.ts",
      // Re-exported as it is by dist/lazy (data, no schema).
      versions: "src/versions.ts",
    },
  },
  clean: true,
  target: "es2022",
  esbuildPlugins: [keepModules],
});
