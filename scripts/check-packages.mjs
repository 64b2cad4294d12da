// Package gates for every published package: publint --strict, and
// are-the-types-wrong with the node16 profile (ESM and CJS under node16/nodenext,
// and bundler resolution; node10 has no `exports` and is not a target).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules", ".bin", name);
const packages = readdirSync(join(root, "packages")).filter((dir) => {
  const manifest = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
  return !manifest.private;
});

const failures = [];
for (const dir of packages) {
  const cwd = join(root, "packages", dir);
  for (const [tool, args] of [
    ["publint", ["--strict"]],
    ["attw", ["--pack", ".", "--profile", "node16", "--format", "table-flipped"]],
  ]) {
    try {
      execFileSync(bin(tool), args, { cwd, stdio: "pipe", encoding: "utf8" });
      console.log(`ok   ${tool} packages/${dir}`);
    } catch (error) {
      failures.push(`${tool} packages/${dir}`);
      console.log(`FAIL ${tool} packages/${dir}\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    }
  }
}
if (failures.length) {
  console.error(`Package checks failed: ${failures.join(", ")}`);
  process.exit(1);
}
