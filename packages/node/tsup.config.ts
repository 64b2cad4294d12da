import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  treeshake: true,
  target: "node20",
  external: ["@phala/cloud-core", "@phala/cloud-schemas", "undici"],
});
