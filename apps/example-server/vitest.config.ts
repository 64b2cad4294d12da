import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Bundles dist/node.js, dist/worker.js and dist/deno.js from the current sources.
    globalSetup: ["./vitest.global-setup.ts"],
    // Generous: these start Node, workerd and Deno processes, which take many seconds on a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 90_000,
  },
});
