#!/usr/bin/env node
// Writes src/valibot/parity.test-d.ts: for every schema the zod sources export,
// a type test that its valibot twin (same name, from src/valibot/index.ts) infers
// the same output type; for every type they export, that the valibot type is the
// same. Reads the export names from the sources (src/**/*.ts, tests and
// src/valibot excluded), so rerunning it picks up new schemas. Fails (exit 1),
// listing them, when a zod file has no valibot twin file or an export of a zod
// file is missing from its twin.
//
//   node packages/schemas/scripts/gen-parity.mjs   (then biome formats the output)
//   ... --partial   while twins are being written: lists what is missing, tests the rest
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const valibotDir = join(src, "valibot");
const out = join(valibotDir, "parity.test-d.ts");

/** Files with no valibot twin: entry points, type-only modules, the lazy proxies of the zod entry. */
const NO_TWIN = new Set(["index.ts", "response-map.ts", "lazy-schema.ts", "versions.ts"]);

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === valibotDir ? [] : walk(path);
    return /\.ts$/.test(entry.name) && !/\.test(-d|-support)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");

/** The names a module declares and exports itself (re-exports aside). */
function exportsOf(text) {
  const code = stripComments(text);
  const values = [...code.matchAll(/^export\s+(?:const|let|function)\s+(\w+)/gm)].map((m) => m[1]);
  const declaredTypes = [...code.matchAll(/^export\s+(?:type|interface)\s+(\w+)(\s*<)?/gm)];
  const typeLists = [...code.matchAll(/^export\s+type\s*\{([^}]*)\}/gm)].flatMap((m) =>
    m[1].split(",").map((s) =>
      s
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    ),
  );
  return {
    values,
    /** Non-generic types: the ones a test can compare without type arguments. */
    types: declaredTypes.filter((m) => !m[2]).map((m) => m[1]),
    allTypes: [...declaredTypes.map((m) => m[1]), ...typeLists.filter(Boolean)],
  };
}

const files = walk(src)
  .map((path) => relative(src, path).split("\\").join("/"))
  .filter((rel) => !NO_TWIN.has(rel))
  .sort();

const partial = process.argv.includes("--partial");

// Objects that keep unknown keys have an index signature, which expectTypeOf
// cannot compare for equality; they (and the tables holding them) are checked
// for assignability both ways.
const texts = new Map(files.map((rel) => [rel, readFileSync(join(src, rel), "utf8")]));
/** The loose objects a zod source defines, by name without `Schema`. */
const looseIn = (text) =>
  [...text.matchAll(/export const (\w+)Schema = z\.looseObject\(/g)].map((m) => m[1]);
const looseNames = new Set([...texts.values()].flatMap(looseIn));
/** Tables whose entries name a loose schema. */
function looseTables(text) {
  const found = new Set();
  for (const m of text.matchAll(
    /export const (\w+Schemas) = [\s\S]*?\n\}\)|export const (\w+Schemas) = [\s\S]*?\)\(\);/g,
  )) {
    const name = m[1] ?? m[2];
    const names = [...m[0].matchAll(/\b(\w+)Schema\b/g)].map((ref) => ref[1]);
    if (names.some((ref) => looseNames.has(ref))) found.add(name);
  }
  return found;
}
const problems = [];
const groups = [];
const seen = new Set();
for (const rel of files) {
  const zod = exportsOf(readFileSync(join(src, rel), "utf8"));
  if (zod.values.length === 0 && zod.allTypes.length === 0) continue;
  const twinPath = join(valibotDir, rel);
  if (!existsSync(twinPath)) {
    problems.push(`src/valibot/${rel} is missing (twin of src/${rel})`);
    continue;
  }
  const twin = exportsOf(readFileSync(twinPath, "utf8"));
  const missing = new Set();
  for (const name of zod.values) {
    if (!twin.values.includes(name)) {
      problems.push(`src/valibot/${rel} does not export ${name}`);
      missing.add(name);
    }
    if (seen.has(name)) problems.push(`${name} is exported twice (src/${rel})`);
    seen.add(name);
  }
  for (const name of zod.allTypes) {
    if (!twin.allTypes.includes(name)) {
      problems.push(`src/valibot/${rel} does not export type ${name}`);
      missing.add(name);
    }
  }
  for (const name of twin.values) {
    if (!zod.values.includes(name))
      problems.push(`src/valibot/${rel} exports ${name}, which src/${rel} does not`);
  }
  const present = (names) => names.filter((n) => !missing.has(n));
  const text = texts.get(rel);
  const loose = new Set([...looseIn(text), ...looseTables(text)]);
  const schemas = present(zod.values.filter((n) => /Schema$/.test(n)));
  const tables = present(zod.values.filter((n) => /Schemas$/.test(n)));
  groups.push({ rel, schemas, tables, types: present(zod.types), loose });
}

if (problems.length > 0) {
  console.error(
    `gen-parity: the valibot schemas do not mirror the zod ones:\n  ${problems.join("\n  ")}`,
  );
  if (!partial) process.exit(1);
  console.error("gen-parity: --partial: writing the tests of the exports that have a twin");
}

const lines = [
  "// Generated by scripts/gen-parity.mjs from the exports of src/**/*.ts: do not edit,",
  "// rerun `node packages/schemas/scripts/gen-parity.mjs` after adding a schema.",
  "// Every zod schema has a valibot twin of the same name with the same output type.",
  'import type * as v from "valibot";',
  'import { describe, expectTypeOf, it } from "vitest";',
  'import type { z } from "zod";',
  'import type * as Z from "../index";',
  'import type * as V from "./index";',
  "",
  "/** The output type of each schema of a table (version -> schema, event -> schema...). */",
  "type ZodOutputs<T> = { [K in keyof T]: T[K] extends z.ZodType ? z.output<T[K]> : never };",
  "type ValibotOutputs<T> = {",
  "  [K in keyof T]: T[K] extends v.GenericSchema ? v.InferOutput<T[K]> : never;",
  "};",
  "",
  'describe("valibot schemas infer the output types of their zod twins", () => {',
];
for (const { rel, schemas, tables, loose } of groups) {
  if (schemas.length + tables.length === 0) continue;
  lines.push(`  it(${JSON.stringify(rel)}, () => {`);
  for (const n of schemas) {
    if (loose.has(n.replace(/Schema$/, ""))) {
      lines.push(
        `    expectTypeOf<v.InferOutput<typeof V.${n}>>().toExtend<z.output<typeof Z.${n}>>();`,
      );
      lines.push(
        `    expectTypeOf<z.output<typeof Z.${n}>>().toExtend<v.InferOutput<typeof V.${n}>>();`,
      );
      continue;
    }
    lines.push(
      `    expectTypeOf<v.InferOutput<typeof V.${n}>>().toEqualTypeOf<z.output<typeof Z.${n}>>();`,
    );
  }
  for (const n of tables) {
    lines.push(`    expectTypeOf<keyof typeof V.${n}>().toEqualTypeOf<keyof typeof Z.${n}>();`);
    if (loose.has(n)) {
      lines.push(
        `    expectTypeOf<ValibotOutputs<typeof V.${n}>>().toExtend<ZodOutputs<typeof Z.${n}>>();`,
      );
      lines.push(
        `    expectTypeOf<ZodOutputs<typeof Z.${n}>>().toExtend<ValibotOutputs<typeof V.${n}>>();`,
      );
      continue;
    }
    lines.push(
      `    expectTypeOf<ValibotOutputs<typeof V.${n}>>().toEqualTypeOf<ZodOutputs<typeof Z.${n}>>();`,
    );
  }
  lines.push("  });");
}
lines.push("});", "", 'describe("the valibot entry exports the same types", () => {');
for (const { rel, types, loose } of groups) {
  if (types.length === 0) continue;
  lines.push(`  it(${JSON.stringify(rel)}, () => {`);
  for (const n of types) {
    if (loose.has(n)) {
      lines.push(`    expectTypeOf<V.${n}>().toExtend<Z.${n}>();`);
      lines.push(`    expectTypeOf<Z.${n}>().toExtend<V.${n}>();`);
    } else lines.push(`    expectTypeOf<V.${n}>().toEqualTypeOf<Z.${n}>();`);
  }
  lines.push("  });");
}
lines.push("});", "");
writeFileSync(out, lines.join("\n"));
const count = (key) => groups.reduce((sum, g) => sum + g[key].length, 0);
console.log(
  `gen-parity: wrote ${relative(process.cwd(), out)} (${count("schemas")} schemas, ${count("tables")} tables, ${count("types")} types, ${groups.length} files)`,
);
