// A copy of this package's sources generated with extra API versions: for the
// test that a version is one change module plus one registry line (nothing
// else edited), and for the type-cost benchmark of a longer registry.
//
//   const { src, versions } = writeSyntheticSchemas({ name: "one-more", changes: [change] });
//   // src/index.ts of a package whose registry ends with `changes`
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION_REGISTRY } from "../versions/index.mjs";
import { generate } from "./wire-gen.mjs";
import { WIRE_FILES } from "./wire-shapes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(root, "..", "..");

/**
 * Writes `<package>/.synthetic/<name>/src`: the sources with the generated files
 * of the registry plus `changes` (each `version(date, summary, [...])` of
 * versions/ops.mjs), inside this package so its dependencies (zod, valibot)
 * resolve. Returns the folder of the sources and the versions it knows.
 */
export function writeSyntheticSchemas({ name, changes }) {
  const dir = join(root, ".synthetic", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, "src"), join(dir, "src"), {
    recursive: true,
    filter: (path) => !/\.test(-d)?\.ts$|\.test-support\.ts$/.test(path),
  });
  const read = (path) => JSON.parse(readFileSync(join(repo, path), "utf8"));
  const out = generate({
    contract: read("contract/phala-cloud-api.json"),
    exceptions: read("contract/exceptions.json"),
    wireFiles: WIRE_FILES,
    registry: { ...VERSION_REGISTRY, changes: [...VERSION_REGISTRY.changes, ...changes] },
  });
  for (const [path, text] of out.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, src: join(dir, "src"), versions: out.versions, versionChanges: out.versionChanges };
}

/** Removes every synthetic copy. */
export function removeSyntheticSchemas() {
  rmSync(join(root, ".synthetic"), { recursive: true, force: true });
}
