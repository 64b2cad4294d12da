import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Nothing here is timed by the test runner: a generous bound only keeps a
    // loaded CI machine (many packages' tests at once) from failing slow tests,
    // such as the first request of a file, which loads undici and the zod schemas.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
