// The generated `@phala/cloud-schemas/lazy` entry (packages/schemas/scripts/
// gen-entries.mjs), built, as core's default build links it. Here rather than in
// the schemas package because it needs that package built, which core's tests
// always run after.
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { beforeAll, describe, expect, it } from "vitest";
import { validBodies } from "../../schemas/src/fixtures.test-support";
import {
  CHILD_PROCESS_TIMEOUT,
  modulesLoadedBy,
  packagesIn,
} from "../../schemas/src/loaded-modules.test-support";

const require = createRequire(import.meta.url);
const dist = pathToFileURL(`${dirname(require.resolve("@phala/cloud-schemas/lazy"))}/`);
type Module = Record<string, unknown>;
let zod: Module;
let lazy: Module;
/** The version registry (data and functions, no schema): re-exported as it is. */
let registry: Module;

beforeAll(async () => {
  zod = await import(/* @vite-ignore */ new URL("index.js", dist).href);
  lazy = await import(/* @vite-ignore */ new URL("lazy.js", dist).href);
  registry = await import(/* @vite-ignore */ new URL("versions.js", dist).href);
});

const isSchema = (value: unknown): value is StandardSchemaV1 =>
  typeof value === "object" && value !== null && "~standard" in value;
const validate = (schema: unknown, value: unknown) =>
  (schema as StandardSchemaV1)["~standard"].validate(value);

/** Every field (of every item) of a body replaced by a value of the wrong type. */
const mangle = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(mangle)
    : Object.fromEntries(Object.keys(value as object).map((key) => [key, { wrong: true }]));

describe("@phala/cloud-schemas/lazy", () => {
  it("has a lazy twin of every schema and table of the root, and nothing else", () => {
    const values = Object.entries(zod).filter(
      ([name, value]) => typeof value !== "function" && !(name in registry),
    );
    expect(values.length).toBeGreaterThan(100);
    expect(Object.keys(lazy).sort()).toEqual(
      [...values.map(([name]) => name), ...Object.keys(registry)].sort(),
    );
    for (const name of Object.keys(registry)) {
      expect(lazy[name], name).toBe(registry[name]);
      expect(zod[name], name).toBe(registry[name]);
    }
    for (const [name, value] of values) {
      const twin = lazy[name];
      if (isSchema(value)) {
        expect(isSchema(twin), name).toBe(true);
        expect(twin, name).not.toBe(value);
      } else {
        expect(Object.keys(twin as object), name).toEqual(Object.keys(value as object));
      }
    }
  });

  it("a table's entry that is an exported schema is that schema's proxy, as in the root", () => {
    const nameOf = new Map(Object.entries(zod).map(([name, value]) => [value, name]));
    let shared = 0;
    for (const [tableName, table] of Object.entries(zod)) {
      if (typeof table !== "object" || table === null || isSchema(table)) continue;
      if (tableName in registry) continue;
      for (const [key, schema] of Object.entries(table)) {
        const name = nameOf.get(schema);
        const twin = (lazy[tableName] as Record<string, unknown>)[key];
        if (name === undefined) expect(isSchema(twin), `${tableName}.${key}`).toBe(true);
        else {
          expect(twin, `${tableName}.${key}`).toBe(lazy[name]);
          shared++;
        }
      }
    }
    expect(shared).toBeGreaterThan(10);
  });

  it("the CommonJS build exports the same names", () => {
    const cjs = require(new URL("lazy.cjs", dist).pathname) as Module;
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(lazy).sort());
  });

  it("validates each endpoint's bodies in both versions exactly as the zod schemas do", async () => {
    for (const [version, bodies] of Object.entries(validBodies)) {
      for (const [endpoint, body] of Object.entries(bodies)) {
        const name = `${endpoint}ResponseSchemas`;
        const real = (zod[name] as Record<string, unknown>)[version];
        const twin = (lazy[name] as Record<string, unknown>)[version];
        const value = { ...(body() as object), added_later: 1 };
        expect(await validate(twin, value), `${name} ${version}`).toEqual(validate(real, value));
        const broken = mangle(body());
        const issues = validate(real, broken) as StandardSchemaV1.FailureResult;
        expect(issues.issues?.length, `${name} ${version}`).toBeGreaterThan(0);
        expect(await validate(twin, broken), `${name} ${version}`).toEqual(issues);
      }
    }
  });

  it(
    "importing it loads no zod; the first validation loads zod and the one module it needs",
    async () => {
      const loaded = await modulesLoadedBy(
        new URL("lazy.js", dist).pathname,
        'await m.CvmVmSchema["~standard"].validate({});',
      );
      expect(packagesIn(loaded.atImport)).toEqual([]);
      const schemaModule = (file: string) => /\/dist\/(?:resources|wire)\//.test(file);
      expect(loaded.atImport.filter(schemaModule)).toEqual([]);
      expect(packagesIn(loaded.afterward)).toContain("zod");
      const modules = new Set(
        loaded.afterward.filter(schemaModule).map((file) => file.replace(/^.*\/dist\//, "")),
      );
      // CvmVmSchema's module and the shapes it imports; no other resource's schemas.
      expect(modules).toContain("wire/cvms.js");
      for (const unrelated of ["wire/apps.js", "wire/workspaces.js", "wire/ssh-keys.js"]) {
        expect(modules).not.toContain(unrelated);
      }
      expect([...modules].filter((file) => file.startsWith("resources/"))).toEqual([]);
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    "the same with require",
    async () => {
      const loaded = await modulesLoadedBy(
        new URL("lazy.cjs", dist).pathname,
        'await m.CvmVmSchema["~standard"].validate({});',
      );
      expect(packagesIn(loaded.atImport)).toEqual([]);
      expect(packagesIn(loaded.afterward)).toContain("zod");
    },
    CHILD_PROCESS_TIMEOUT,
  );
});
