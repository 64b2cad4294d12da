import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Every answer of the mock in these tests is checked against the API contract.
    setupFiles: ["src/contract-check.setup.ts"],
    // Nothing here is timed by the test runner: a generous bound only keeps a
    // loaded CI machine (many packages' tests at once) from failing slow tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
