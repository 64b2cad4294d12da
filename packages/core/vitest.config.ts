import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// As tsup.config.ts: the User-Agent carries this package's version.
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

export default defineConfig({
  define: { __PHALA_CLOUD_CORE_VERSION__: JSON.stringify(version) },
  // The package's own `actions` entry (create-client.ts), from source.
  resolve: {
    alias: {
      "@phala/cloud-core/actions": fileURLToPath(
        new URL("./src/actions/index.ts", import.meta.url),
      ),
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    // Nothing here is timed by the test runner: a generous bound only keeps a
    // loaded CI machine (many packages' tests at once) from failing slow tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.src.json" },
  },
});
