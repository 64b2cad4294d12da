/// <reference types="node" />
// Property-based tests (issue 5, "hostile or broken responses"): random and
// mutated JSON fed to every schema of both entries (zod and valibot) through the
// Standard Schema interface, as `validateResponse` in packages/core calls it.
// Each input must end in issues (a string message, a path into the input) or in
// a value that: validates again to itself, keeps no key the schema does not
// declare, holds the input's data (defaults filled, nothing altered), and is the
// value the other validator gives. No input may throw, mutate the input, or
// pollute a prototype.
//
// Reproduce a failure with the seed it prints: FC_SEED=<seed> npx vitest run src/property.test.ts
import { isDeepStrictEqual } from "node:util";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { validBodies as versionedBodies } from "./fixtures.test-support";
import * as Z from "./index";
import * as V from "./valibot/index";

const seed = Number(process.env.FC_SEED ?? 20260121);
const RUNS = Number(process.env.FC_RUNS ?? 0) || undefined;
fc.configureGlobal({ seed, numRuns: RUNS ?? 40 });
/** Runs per property and schema; raised for the versioned endpoint tables. */
const runs = (n: number) => ({ numRuns: RUNS ?? n });

// --- Every schema of both entries ------------------------------------------------

/** What the walkers below read of a zod 4 schema (its `_zod.def` and getters). */
interface ZodLike {
  _zod: { def: ZodDef; optin?: "optional" };
  isInt?: boolean;
  minValue?: number | null;
  maxValue?: number | null;
  minLength?: number | null;
}
interface ZodDef {
  type: string;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  options?: ZodLike[];
  items?: ZodLike[];
  rest?: ZodLike | null;
  keyType?: ZodLike;
  valueType?: ZodLike;
  innerType?: ZodLike;
  values?: unknown[];
  entries?: Record<string, string | number>;
  defaultValue?: unknown;
  /** Set by `z.looseObject`: unknown keys are kept. */
  catchall?: ZodLike;
}

interface Pair {
  name: string;
  zod: ZodLike & StandardSchemaV1;
  valibot: StandardSchemaV1;
}

const zodExports = Z as unknown as Record<string, unknown>;
const valibotExports = V as unknown as Record<string, unknown>;

/** Every `*Schema` export and every `*ResponseSchemas` table entry, as [zod, valibot]. */
const pairs: Pair[] = Object.keys(zodExports)
  .sort()
  .flatMap((name): Pair[] => {
    const pair = (label: string, zod: unknown, valibot: unknown): Pair => ({
      name: label,
      zod: zod as Pair["zod"],
      valibot: valibot as StandardSchemaV1,
    });
    if (name.endsWith("Schema")) return [pair(name, zodExports[name], valibotExports[name])];
    if (!name.endsWith("Schemas")) return [];
    const zodTable = zodExports[name] as Record<string, unknown>;
    const valibotTable = valibotExports[name] as Record<string, unknown>;
    return Object.keys(zodTable).map((version) =>
      pair(`${name}["${version}"]`, zodTable[version], valibotTable[version]),
    );
  });

// --- Realistic bodies (src/fixtures.test-support.ts) ---------------------------

const realistic: Record<string, () => unknown> = {};
for (const [version, endpoints] of Object.entries(versionedBodies)) {
  for (const [endpoint, body] of Object.entries(endpoints)) {
    realistic[`${endpoint}ResponseSchemas["${version}"]`] = body;
  }
}

// --- Valid bodies generated from the schema's shape -----------------------------

const def = (schema: ZodLike) => schema._zod.def;
const isOptional = (schema: ZodLike) => schema._zod.optin === "optional";

/** Bodies the schema accepts: every field type, optional keys left out, nulls, defaults. */
function validBody(schema: ZodLike): fc.Arbitrary<unknown> {
  const d = def(schema);
  switch (d.type) {
    case "string":
      return fc
        .oneof(
          fc.string({ minLength: schema.minLength ?? 0, maxLength: 12 }),
          fc.constantFrom("running", "phala", "2026-01-22T10:00:00Z", "__proto__", "constructor"),
        )
        .filter((s) => s.length >= (schema.minLength ?? 0));
    case "number": {
      const min = Math.max(schema.minValue ?? -Infinity, Number.MIN_SAFE_INTEGER);
      const max = Math.min(schema.maxValue ?? Infinity, Number.MAX_SAFE_INTEGER);
      if (schema.isInt) return fc.integer({ min, max });
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "undefined":
      return fc.constant(undefined);
    case "unknown":
    case "any":
      return fc.jsonValue({ maxDepth: 2 });
    case "literal":
      return fc.constantFrom(...(d.values ?? []));
    case "enum":
      return fc.constantFrom(...Object.values(d.entries ?? {}));
    case "optional":
      return fc.option(validBody(inner(d)), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(validBody(inner(d)), { nil: null, freq: 4 });
    case "default":
      return validBody(inner(d));
    case "array":
      return fc.array(validBody(d.element as ZodLike), { maxLength: 3 });
    case "tuple":
      return fc.tuple(...(d.items ?? []).map(validBody));
    case "union":
      return fc.oneof(...(d.options ?? []).map(validBody));
    case "record":
      return fc.dictionary(fc.string({ maxLength: 8 }), validBody(d.valueType as ZodLike), {
        maxKeys: 3,
      });
    case "object": {
      const shape = d.shape ?? {};
      return fc.record(
        Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, validBody(s)])),
        { requiredKeys: Object.keys(shape).filter((k) => !isOptional(shape[k] as ZodLike)) },
      );
    }
    default:
      throw new Error(`validBody: no generator for a zod "${d.type}"`);
  }
}

function inner(d: ZodDef): ZodLike {
  if (!d.innerType) throw new Error(`a zod "${d.type}" without innerType`);
  return d.innerType;
}

// --- Mutations --------------------------------------------------------------------

type Json = fc.JsonValue;
const mutationKinds = [
  "delete",
  "replace",
  "addKey",
  "swapType",
  "nestArray",
  "protoKey",
  "constructorKey",
  "arrayForObject",
] as const;
interface Mutation {
  kind: (typeof mutationKinds)[number];
  /** Which node (modulo the node count), in depth-first order. */
  at: number;
  key: string;
  value: Json;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...mutationKinds),
  at: fc.nat(),
  key: fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom("__proto__", "constructor", "prototype", "toString", "added_later"),
  ),
  value: fc.jsonValue({ maxDepth: 2 }),
});

const isRecordLike = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** Sets an own data property, even `__proto__` (as JSON.parse does). */
function define(target: object, key: PropertyKey, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A deep copy keeping prototypes, own `__proto__` keys and holes; other objects shared. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value !== "object" || value === null) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out = Object.create(proto) as object;
  for (const key of Reflect.ownKeys(value)) {
    define(out, key, copy((value as Record<PropertyKey, unknown>)[key]));
  }
  return out;
}

interface Slot {
  node: unknown;
  set: (x: unknown) => void;
  remove: () => void;
}

function slots(root: { value: unknown }): Slot[] {
  const out: Slot[] = [];
  const visit = (node: unknown, set: Slot["set"], remove: Slot["remove"]) => {
    out.push({ node, set, remove });
    if (Array.isArray(node)) {
      for (const [i, x] of node.entries()) {
        visit(
          x,
          (y) => {
            node[i] = y;
          },
          () => node.splice(i, 1),
        );
      }
    } else if (isRecordLike(node)) {
      for (const key of Object.keys(node)) {
        visit(
          node[key],
          (y) => define(node, key, y),
          () => delete node[key],
        );
      }
    }
  };
  visit(
    root.value,
    (y) => {
      root.value = y;
    },
    () => {
      root.value = undefined;
    },
  );
  return out;
}

/** Another type's value carrying the same data where it can. */
function swapType(x: unknown): unknown {
  if (typeof x === "string") return x.length;
  if (typeof x === "number") return String(x);
  if (typeof x === "boolean") return x ? "true" : 0;
  if (x === null) return {};
  if (Array.isArray(x)) return Object.fromEntries(x.map((y, i) => [i, y]));
  if (isRecordLike(x)) return Object.values(x);
  return null;
}

function applyMutations(body: unknown, mutations: Mutation[]): unknown {
  const root = { value: copy(body) };
  for (const m of mutations) {
    const all = slots(root);
    const objects = all.filter((s) => isRecordLike(s.node));
    const slot = all[m.at % all.length] as Slot;
    const object = objects.length > 0 ? (objects[m.at % objects.length] as Slot) : undefined;
    switch (m.kind) {
      case "delete":
        slot.remove();
        break;
      case "replace":
        slot.set(m.value);
        break;
      case "addKey":
        if (object) define(object.node as object, m.key, m.value);
        break;
      case "swapType":
        slot.set(swapType(slot.node));
        break;
      case "nestArray":
        slot.set([slot.node]);
        break;
      case "protoKey":
        // What JSON.parse makes of `{"__proto__": {...}}`: an own key, not a prototype.
        if (object)
          define(object.node as object, "__proto__", { polluted: "yes", [m.key]: m.value });
        break;
      case "constructorKey":
        if (object)
          define(object.node as object, "constructor", { prototype: { polluted: "yes" } });
        break;
      case "arrayForObject":
        if (object) object.set(Object.values(object.node as object));
        break;
    }
  }
  return root.value;
}

// --- The checks ---------------------------------------------------------------------

/** Any value as short text, null-prototype objects and bigints included. */
function show(x: unknown): string {
  try {
    const text = JSON.stringify(x, (_k, y) => (typeof y === "bigint" ? `${y}n` : y));
    return (text ?? Object.prototype.toString.call(x)).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(x);
  }
}

type Vendor = "zod" | "valibot";

/**
 * Record keys a validator drops: both drop an own `__proto__` key (never set as
 * a prototype); valibot's `v.record` also drops `constructor` and `prototype`,
 * which zod keeps (see "known differences" at the end).
 */
const droppedRecordKeys: Record<Vendor, readonly string[]> = {
  zod: ["__proto__"],
  valibot: ["__proto__", "constructor", "prototype"],
};

type Result = StandardSchemaV1.Result<unknown>;
type Issue = StandardSchemaV1.Issue & {
  code?: string;
  expected?: string;
  errors?: Issue[][];
};

const keyOf = (segment: PropertyKey | StandardSchemaV1.PathSegment) =>
  typeof segment === "object" ? segment.key : segment;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
  return node;
}

/** Why `issues` is not a list of well-formed issues about `input`, or undefined. */
function badIssues(issues: readonly StandardSchemaV1.Issue[], input: unknown): string | undefined {
  if (!Array.isArray(issues) || issues.length === 0) return "issues is not a non-empty array";
  for (const issue of issues) {
    if (typeof issue.message !== "string" || issue.message === "")
      return `an issue without a message: ${String(issue.message)}`;
    const path = (issue.path ?? []).map(keyOf);
    let node = input;
    for (const [i, key] of path.entries()) {
      if (typeof key !== "string" && typeof key !== "number")
        return `a path segment that is not a key or an index: ${String(key)}`;
      if (typeof node !== "object" || node === null)
        return `path ${path.join(".")} goes through a non-object`;
      const present = Object.hasOwn(node, key);
      // The last segment may name a key the input lacks (a missing required key).
      if (!present && i < path.length - 1) return `path ${path.join(".")} is not in the input`;
      node = (node as Record<PropertyKey, unknown>)[key];
    }
  }
  return undefined;
}

/**
 * Why `output` is not what the schema makes of `input`, or undefined: the same
 * primitives, arrays of the same length, objects with the schema's keys only
 * (the input's value, or the default where the input had none), records with
 * the input's own keys. Reports the first difference.
 */
function wrongOutput(
  vendor: Vendor,
  schema: ZodLike,
  input: unknown,
  output: unknown,
  at = "$",
): string | undefined {
  const d = def(schema);
  switch (d.type) {
    case "optional":
      if (output === undefined) return input === undefined ? undefined : `${at}: input dropped`;
      return wrongOutput(vendor, inner(d), input, output, at);
    case "nullable":
      if (output === null) return input === null ? undefined : `${at}: null out of non-null`;
      return wrongOutput(vendor, inner(d), input, output, at);
    case "default":
      if (input === undefined)
        return isDeepStrictEqual(output, d.defaultValue) ? undefined : `${at}: not the default`;
      return wrongOutput(vendor, inner(d), input, output, at);
    case "unknown":
    case "any":
      return output === input ? undefined : `${at}: an unknown value was changed`;
    case "array":
    case "tuple": {
      if (!Array.isArray(output) || !Array.isArray(input)) return `${at}: not an array`;
      if (output.length !== input.length) return `${at}: length changed`;
      for (let i = 0; i < output.length; i++) {
        const element = d.type === "array" ? d.element : (d.items?.[i] ?? d.rest);
        if (!element) return `${at}[${i}]: beyond the tuple`;
        const why = wrongOutput(vendor, element, input[i], output[i], `${at}[${i}]`);
        if (why) return why;
      }
      return undefined;
    }
    case "union": {
      const whys = (d.options ?? []).map((option) =>
        wrongOutput(vendor, option, input, output, at),
      );
      return whys.some((why) => why === undefined) ? undefined : whys.join(" / ");
    }
    case "object":
    case "record": {
      if (!isRecordLike(output) || Object.getPrototypeOf(output) !== Object.prototype)
        return `${at}: not a plain object`;
      if (typeof input !== "object" || input === null) return `${at}: out of a non-object`;
      const source = input as Record<string, unknown>;
      if (d.type === "record") {
        const keys = Object.keys(source).filter((k) => !droppedRecordKeys[vendor].includes(k));
        if (!isDeepStrictEqual(Object.keys(output).sort(), keys.sort()))
          return `${at}: record keys ${Object.keys(output)} out of ${keys}`;
        for (const key of keys) {
          const why = wrongOutput(
            vendor,
            d.valueType as ZodLike,
            source[key],
            output[key],
            `${at}.${key}`,
          );
          if (why) return why;
        }
        return undefined;
      }
      const shape = d.shape ?? {};
      for (const key of Reflect.ownKeys(output)) {
        if (typeof key !== "string") return `${at}: key ${String(key)} is not a string`;
        if (Object.hasOwn(shape, key)) continue;
        // A loose object (a document kept whole, the app compose) keeps unknown
        // keys as they came; any other object drops them.
        if (!d.catchall) return `${at}: key ${key} is not in the schema`;
        if (!isDeepStrictEqual(output[key], source[key])) return `${at}.${key}: altered`;
      }
      for (const [key, field] of Object.entries(shape)) {
        const value = Object.hasOwn(source, key) ? source[key] : undefined;
        if (!Object.hasOwn(output, key)) {
          if (value !== undefined || !isOptional(field)) return `${at}.${key}: dropped`;
          continue;
        }
        const why = wrongOutput(vendor, field, value, output[key], `${at}.${key}`);
        if (why) return why;
      }
      return undefined;
    }
    default:
      return Object.is(output, input) ? undefined : `${at}: ${show(input)} became ${show(output)}`;
  }
}

/**
 * The documented difference (valibot/parity.test.ts, "known differences"):
 * valibot's object and record take any non-null object, arrays included, where
 * zod wants a plain object (record) or a non-array object (object). True when
 * each of zod's issues is that, so valibot may succeed where zod fails.
 */
function objectTypeDifference(issue: Issue, input: unknown): boolean {
  const at = valueAt(input, (issue.path ?? []).map(keyOf));
  if (issue.code === "invalid_type" && issue.expected === "object") return Array.isArray(at);
  if (issue.code === "invalid_type" && issue.expected === "record")
    return typeof at === "object" && at !== null;
  if (issue.code === "invalid_union")
    return (issue.errors ?? []).some(
      (branch) => branch.length > 0 && branch.every((i) => objectTypeDifference(i, at)),
    );
  return false;
}

/** The value without `constructor` and `prototype` keys, at any depth. */
function withoutKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutKeys);
  if (!isRecordLike(value)) return value;
  const out = Object.create(Object.getPrototypeOf(value)) as object;
  for (const key of Reflect.ownKeys(value)) {
    if (key !== "constructor" && key !== "prototype")
      define(out, key, withoutKeys(value[key as string]));
  }
  return out;
}

function validate(schema: StandardSchemaV1, input: unknown): Result {
  const result = schema["~standard"].validate(input);
  if (result instanceof Promise) throw new Error("validate returned a Promise");
  return result;
}

function notPolluted() {
  const probe = {} as Record<string, unknown>;
  return (
    probe.polluted === undefined &&
    Object.keys(Object.prototype).length === 0 &&
    Object.keys(Array.prototype).length === 0 &&
    Object.getPrototypeOf(probe) === Object.prototype
  );
}

/** Asserts everything the issue asks of one schema pair on one input. */
function check(pair: Pair, input: unknown): void {
  const snapshot = copy(input);
  const results = [pair.zod, pair.valibot].map((schema) => {
    const vendor = schema["~standard"].vendor as Vendor;
    let result: Result;
    try {
      result = validate(schema, input);
    } catch (error) {
      throw new Error(`${vendor} threw: ${show(error instanceof Error ? error.stack : error)}`);
    }
    if (!isDeepStrictEqual(input, snapshot)) throw new Error(`${vendor} changed its input`);
    if (!notPolluted()) throw new Error(`${vendor}: a prototype was polluted`);
    // A failure is `issues` (valibot also leaves a partial `value` beside them).
    if (result.issues !== undefined) {
      const why = badIssues(result.issues, input);
      if (why) throw new Error(`${vendor}: ${why}`);
      return { ok: false as const, issues: result.issues as readonly Issue[] };
    }
    if (!("value" in result)) throw new Error(`${vendor}: neither issues nor value`);
    const again = validate(schema, copy(result.value));
    if (again.issues !== undefined || !isDeepStrictEqual(again.value, result.value))
      throw new Error(`${vendor}: validating its own output again gives something else`);
    const why = wrongOutput(vendor, pair.zod, input, result.value);
    if (why) throw new Error(`${vendor}: wrong output: ${why}`);
    return { ok: true as const, value: result.value };
  });
  const [fromZod, fromValibot] = results as [(typeof results)[0], (typeof results)[0]];
  if (fromZod.ok !== fromValibot.ok) {
    // Known difference, skipped: valibot takes an array where zod wants an object.
    if (
      !fromZod.ok &&
      fromValibot.ok &&
      fromZod.issues.every((i) => objectTypeDifference(i, input))
    )
      return;
    // Known difference, skipped: valibot never looks at a record's `constructor`
    // or `prototype` key, so it accepts what zod rejects there.
    const inSkippedKey = (i: Issue) =>
      (i.path ?? []).map(keyOf).some((k) => k === "constructor" || k === "prototype");
    if (!fromZod.ok && fromValibot.ok && fromZod.issues.every(inSkippedKey)) return;
    throw new Error(`zod ${fromZod.ok ? "accepts" : "rejects"}, valibot does not`);
  }
  if (!fromZod.ok || !fromValibot.ok) return;
  if (isDeepStrictEqual(fromZod.value, fromValibot.value)) return;
  // Known difference, skipped: valibot drops `constructor` and `prototype` record keys.
  if (isDeepStrictEqual(withoutKeys(fromZod.value), withoutKeys(fromValibot.value))) return;
  throw new Error("zod and valibot give different values");
}

function holds(pair: Pair, inputs: fc.Arbitrary<unknown>, numRuns: number) {
  fc.assert(
    fc.property(inputs, (input) => {
      try {
        check(pair, input);
      } catch (error) {
        throw new Error(`${pair.name} on ${show(input)}: ${(error as Error).message}`);
      }
    }),
    { ...runs(numRuns), seed },
  );
}

// --- The properties -----------------------------------------------------------------

const anything = fc.anything({
  maxDepth: 3,
  withNullPrototype: true,
  withSparseArray: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withObjectString: true,
});

describe(`every schema (fast-check seed ${seed})`, () => {
  it("covers every schema of both entries", () => {
    expect(pairs.length).toBeGreaterThan(100);
    for (const pair of pairs) {
      expect(pair.valibot?.["~standard"].vendor, pair.name).toBe("valibot");
      expect(pair.zod["~standard"].vendor, pair.name).toBe("zod");
    }
    for (const name of Object.keys(realistic)) {
      expect(pairs.map((p) => p.name)).toContain(name);
    }
  });

  describe.each(pairs.map((p) => [p.name, p] as const))("%s", (_name, pair) => {
    const generated = validBody(pair.zod);
    const fixture = realistic[pair.name];
    const bodies = fixture ? fc.oneof(fc.constant(fixture()), generated) : generated;
    const scale = fixture ? 2 : 1;

    it("accepts every valid body, with its data", () => {
      fc.assert(
        fc.property(bodies, (body) => {
          check(pair, body);
          expect(validate(pair.zod, body).issues, show(body)).toBeUndefined();
        }),
        { ...runs(25 * scale), seed },
      );
    });

    it("answers random values with issues or valid data", () => {
      holds(pair, fc.oneof(anything, fc.jsonValue()), 40 * scale);
    });

    it("answers mutated valid bodies with issues or valid data", () => {
      holds(
        pair,
        fc
          .tuple(bodies, fc.array(mutation, { minLength: 1, maxLength: 4 }))
          .map(([body, mutations]) => applyMutations(body, mutations)),
        60 * scale,
      );
    });
  });

  afterAll(() => {
    expect(notPolluted()).toBe(true);
  });
});

describe("known differences", () => {
  // valibot's v.record drops `constructor` and `prototype` keys (besides
  // `__proto__`, which zod drops too): `services[]`, `compose_file`,
  // `key_metadata` and `GetCvmStatusBatchSchema` lose such keys in the valibot
  // entry only. Skipped in the properties above; fails (so this turns red) once fixed.
  it.fails("a record keeps `constructor` and `prototype` keys, as zod does", () => {
    const metadata = { constructor: 1, prototype: 2, x: 3 };
    const key = {
      id: "sk_1",
      user_id: "u_1",
      name: "laptop",
      public_key: "ssh-ed25519 AAAA",
      fingerprint: "SHA256:x",
      key_type: "ssh-ed25519",
      source: "manual",
      key_metadata: metadata,
      created_at: "2026-01-22T10:00:00Z",
      updated_at: "2026-01-22T10:00:00Z",
    };
    expect(validate(Z.SshKeySchema, key)).toEqual({ value: key });
    expect(validate(V.SshKeySchema, key)).toMatchObject({ value: key });
  });
});
