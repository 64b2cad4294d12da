import { defineConfig } from "tsup";

export default defineConfig({
  // index: the default build (global fetch); node and deno: the same API with
  // their adapter's presets; edge: the same API validated with valibot, for the
  // workerd/worker/browser conditions. schemas: the zod schemas, apart so that
  // importing the client does not build them. webhook: the `./webhook` subpath
  // (webhook-edge under the edge conditions).
  entry: [
    "src/index.ts",
    "src/node.ts",
    "src/deno.ts",
    "src/edge.ts",
    "src/schemas.ts",
    "src/webhook.ts",
    "src/webhook-edge.ts",
  ],
  format: ["esm", "cjs"],
  dts: { entry: ["src/index.ts", "src/schemas.ts", "src/webhook.ts"] },
  clean: true,
  // esbuild drops `export *` of external packages from entries that share a chunk.
  splitting: false,
  target: "es2022",
  // `import.meta.url` in the CommonJS build too (./src/schema-value.ts needs it).
  shims: true,
});
