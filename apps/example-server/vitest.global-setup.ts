// The runtime tests run the bundles: each run builds its own from src/ (esbuild,
// well under a second) into a folder of its own, removed afterwards, so a
// stale dist/ or a concurrent run never changes what is tested.
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { APP_DIR, buildBundles } from "./build.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Paths of the bundles built for this run. */
    bundles: { node: string; worker: string; deno: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Inside the app's node_modules: the Node bundle resolves its packages from there.
  const outDir = join(
    APP_DIR,
    "node_modules",
    ".cache",
    "example-server-tests",
    `${process.pid}-${Date.now()}`,
  );
  project.provide("bundles", await buildBundles(outDir));
  return () => rmSync(outDir, { recursive: true, force: true });
}
