import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "actions/index": "src/actions/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  treeshake: true,
  splitting: true,
  target: "es2022",
});
