// A copy of this package's sources generated from the registry plus what a
// recipe of CONTRIBUTING.md adds, nothing in the repository edited: for the
// tests that follow the recipes (apps/integration/src/synthetic-version.test.ts:
// a version is one change module plus one registry line; synthetic-endpoint.test.ts:
// an endpoint is a contract schema, a named shape and one declaration), and for
// the type-cost benchmark of a longer registry.
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
 * of the registry and the additions, inside this package so its dependencies
 * (zod, valibot) resolve. Each addition stands for one edit of the recipes:
 *
 * - `changes`: versions appended to the registry (each `version(date, summary,
 *   [...])` of versions/ops.mjs), as a new `versions/<date>.mjs` listed in
 *   versions/index.mjs;
 * - `endpoints`: entries added to `BASE_ENDPOINTS` of versions/2025-10-28.mjs
 *   (an endpoint every version has);
 * - `shapes`: entries added to `WIRE_FILES` of scripts/wire-shapes.mjs, by file
 *   (`{ cvms: [{ name, contractName }] }`);
 * - `contractSchemas`: schemas added to `schemas` of contract/exceptions.json.
 *
 * Returns the folder, its sources, the versions it knows and the generator's
 * other outputs the tests read (`versionChanges`, `endpoints`).
 */
export function writeSyntheticSchemas({
  name,
  changes = [],
  endpoints = {},
  shapes = {},
  contractSchemas = {},
}) {
  for (const endpoint of Object.keys(endpoints)) {
    if (endpoint in VERSION_REGISTRY.base.endpoints) {
      throw new Error(`${endpoint} is declared already (versions/2025-10-28.mjs)`);
    }
  }
  const dir = join(root, ".synthetic", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, "src"), join(dir, "src"), {
    recursive: true,
    filter: (path) => !/\.test(-d)?\.ts$|\.test-support\.ts$/.test(path),
  });
  const read = (path) => JSON.parse(readFileSync(join(repo, path), "utf8"));
  const exceptions = read("contract/exceptions.json");
  for (const schema of Object.keys(contractSchemas)) {
    if (schema in exceptions.schemas)
      throw new Error(`contract/exceptions.json has ${schema} already`);
  }
  const wireFiles = { ...WIRE_FILES };
  for (const [file, entries] of Object.entries(shapes)) {
    wireFiles[file] = [...(wireFiles[file] ?? []), ...entries];
  }
  const out = generate({
    contract: read("contract/phala-cloud-api.json"),
    exceptions: { ...exceptions, schemas: { ...exceptions.schemas, ...contractSchemas } },
    wireFiles,
    registry: {
      ...VERSION_REGISTRY,
      base: {
        ...VERSION_REGISTRY.base,
        endpoints: { ...VERSION_REGISTRY.base.endpoints, ...endpoints },
      },
      changes: [...VERSION_REGISTRY.changes, ...changes],
    },
  });
  for (const [path, text] of out.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return {
    dir,
    src: join(dir, "src"),
    versions: out.versions,
    versionChanges: out.versionChanges,
    endpoints: out.endpoints,
  };
}

/** Removes every synthetic copy. */
export function removeSyntheticSchemas() {
  rmSync(join(root, ".synthetic"), { recursive: true, force: true });
}
