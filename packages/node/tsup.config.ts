import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/schemas.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "node20",
  external: ["@phala/cloud-core", "@phala/cloud-schemas", "undici"],
  esbuildOptions(options, context) {
    // The CommonJS build loads undici lazily with `require` (in a promise), not
    // `import()`: CommonJS hosts without ESM support (Jest's default VM) keep working.
    if (context.format === "cjs") options.supported = { "dynamic-import": false };
  },
});
