import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm", "cjs"],
  // Declarations only for the library entry: the CLI is run, never imported.
  dts: { entry: "src/index.ts" },
  clean: true,
  treeshake: true,
  target: "es2022",
  platform: "node",
});
