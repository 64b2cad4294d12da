import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Nothing here is timed by the test runner: a generous bound only keeps a
    // loaded CI machine (many packages' tests at once) from failing slow tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // The first request of a test file loads undici and the zod schemas (lazy
    // since they left the import): seconds on a loaded machine. Not a speed check.
    testTimeout: 30_000,
  },
});
