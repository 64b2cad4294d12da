/// <reference types="node" />
// The precompiled fast path (precompile.ts) against valibot itself, on every
// schema of the valibot entry: for each input, the fast check rejects exactly
// what valibot rejects, and otherwise gives valibot's output (the same keys in
// the same order, the same prototypes, fresh objects). The precompiled schemas
// then give valibot's own result, issues included.
//
// Reproduce a failure with the seed it prints: FC_SEED=<seed> npx vitest run src/valibot/precompile.test.ts
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { cvmListV20260121, cvmV20260121, validBodies } from "../fixtures.test-support";
import * as V from "./index";
import { fastCheck, precompile, sourceOf } from "./precompile";

const seed = Number(process.env.FC_SEED ?? 20260121);
const RUNS = Number(process.env.FC_RUNS ?? 0) || undefined;

const exports = V as unknown as Record<string, unknown>;
/** Every `*Schema` export and every `*ResponseSchemas` table entry. */
const schemas: [string, v.GenericSchema][] = Object.keys(exports)
  .sort()
  .flatMap((name): [string, v.GenericSchema][] => {
    if (name.endsWith("Schema")) return [[name, exports[name] as v.GenericSchema]];
    if (!name.endsWith("Schemas")) return [];
    const table = exports[name] as Record<string, v.GenericSchema>;
    return Object.keys(table).map((version) => [`${name}["${version}"]`, table[version]!]);
  });

const realistic: Record<string, () => unknown> = {};
for (const [version, endpoints] of Object.entries(validBodies)) {
  for (const [endpoint, body] of Object.entries(endpoints)) {
    realistic[`${endpoint}ResponseSchemas["${version}"]`] = body;
  }
}

// --- Inputs: near-valid bodies generated from the valibot schema ---------------

/** What the generator reads of a valibot node. */
interface Node {
  type: string;
  pipe?: Node[];
  wrapped?: Node;
  entries?: Record<string, Node>;
  item?: Node;
  items?: Node[];
  value?: Node;
  options?: Node[] | readonly unknown[];
  literal?: unknown;
  requirement?: unknown;
}

/** Sets an own data property, even `__proto__` (as JSON.parse does). */
function define(target: object, key: string, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const wild = fc.oneof(
  fc.constantFrom(null, undefined, "", "x", 0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, true),
  fc.constantFrom([], {}, [1], { a: 1 }),
  fc.jsonValue({ maxDepth: 1 }),
);
/** An object key the body leaves out. */
const OMIT = Symbol("omit");
const specialKeys = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "extra");

/**
 * Bodies of the node's shape. Clean ones (`dirty` false) leave out only optional
 * keys, so the schema mostly accepts them; dirty ones may hold a value of
 * another type at any depth, or lack any key.
 */
function shaped(node: Node, dirty: boolean): fc.Arbitrary<unknown> {
  const body = (inner: Node) =>
    dirty
      ? fc.oneof({ arbitrary: shaped(inner, dirty), weight: 15 }, { arbitrary: wild, weight: 1 })
      : shaped(inner, dirty);
  if (node.pipe) {
    const [base] = node.pipe;
    if (dirty || base?.type !== "number") return shaped(base!, dirty);
    const whole = (a: Node) =>
      a.requirement === Number.isSafeInteger || a.requirement === Number.isInteger;
    return node.pipe.some(whole)
      ? fc.integer()
      : fc.double({ noNaN: true, noDefaultInfinity: true });
  }
  switch (node.type) {
    case "string":
      return fc.oneof(fc.string({ maxLength: 6 }), specialKeys);
    case "number":
      return fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2 ** 53, -0));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "literal":
      return fc.constant(node.literal);
    case "picklist":
      return fc.constantFrom(...(node.options as unknown[]));
    case "nullish":
    case "optional":
    case "exact_optional":
    case "nullable":
      return fc.oneof(
        { arbitrary: body(node.wrapped!), weight: 3 },
        {
          arbitrary: fc.constantFrom(
            ...(node.type === "nullish"
              ? [null, undefined]
              : node.type === "nullable"
                ? [null]
                : [undefined]),
          ),
          weight: 1,
        },
      );
    case "array":
      return fc.array(body(node.item!), { maxLength: 3 });
    case "record":
      return fc
        .array(fc.tuple(fc.oneof(fc.string({ maxLength: 4 }), specialKeys), body(node.value!)), {
          maxLength: 3,
        })
        .map((pairs) => {
          const out = {};
          for (const [key, value] of pairs) define(out, key, value);
          return out;
        });
    case "tuple":
    case "strict_tuple":
    case "loose_tuple":
      return fc.tuple(...node.items!.map(body));
    case "variant":
    case "union":
      return fc.oneof(...(node.options as Node[]).map(body));
    case "object": {
      const entries = Object.entries(node.entries!);
      return fc
        .tuple(
          ...entries.map(([, entry]) =>
            dirty || ["optional", "nullish", "exact_optional"].includes(entry.type)
              ? fc.option(body(entry), { freq: 6, nil: OMIT })
              : body(entry),
          ),
          fc.array(fc.tuple(specialKeys, fc.jsonValue({ maxDepth: 1 })), { maxLength: 2 }),
        )
        .map((values) => {
          const out = {};
          entries.forEach(([key], i) => {
            if (values[i] !== OMIT) define(out, key, values[i]);
          });
          for (const [key, value] of values[entries.length] as [string, unknown][]) {
            define(out, key, value);
          }
          return out;
        });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// --- The comparison ------------------------------------------------------------

/** Own keys in order and prototypes, at any depth (isDeepStrictEqual ignores key order). */
function sameOrder(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return true;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Reflect.ownKeys(a);
  if (!isDeepStrictEqual(keys, Reflect.ownKeys(b))) return false;
  return keys.every((key) =>
    sameOrder((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key]),
  );
}

/** The input's objects and arrays that `output` holds as they are (valibot copies all but unknown values). */
function shared(output: unknown, input: unknown): unknown[] {
  const inInput = new Set<unknown>();
  const collect = (x: unknown) => {
    if (typeof x !== "object" || x === null || inInput.has(x)) return;
    inInput.add(x);
    for (const key of Reflect.ownKeys(x)) collect((x as Record<PropertyKey, unknown>)[key]);
  };
  collect(input);
  const found: unknown[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== "object" || x === null) return;
    if (inInput.has(x)) found.push(x);
    else for (const key of Reflect.ownKeys(x)) walk((x as Record<PropertyKey, unknown>)[key]);
  };
  walk(output);
  return found;
}

function agree(name: string, schema: v.GenericSchema, input: unknown) {
  const source = sourceOf(schema);
  const expected = source["~standard"].validate(input) as v.OutputDataset<
    unknown,
    v.BaseIssue<unknown>
  >;
  const fast = fastCheck(source)(input);
  const label = `${name} on ${JSON.stringify(input)?.slice(0, 300)}`;
  if (expected.issues) rejected++;
  else accepted++;
  if (expected.issues) {
    expect(fast, `${label}: the fast check passes what valibot rejects`).toBeUndefined();
  } else {
    expect(fast, `${label}: the fast check rejects what valibot passes`).toBeDefined();
    expect(isDeepStrictEqual(fast?.value, expected.value), `${label}: other output`).toBe(true);
    expect(sameOrder(fast?.value, expected.value), `${label}: other key order`).toBe(true);
    const same = shared(fast?.value, input);
    const fromValibot = shared(expected.value, input);
    expect(
      same.length === fromValibot.length && same.every((x, i) => x === fromValibot[i]),
      `${label}: shares other objects with its input`,
    ).toBe(true);
  }
  // The precompiled schema, through Standard Schema: valibot's own result, issues included.
  for (const precompiled of [precompile(source), schema]) {
    const result = precompiled["~standard"].validate(input);
    expect(isDeepStrictEqual(result, expected), `${label}: precompiled result differs`).toBe(true);
    expect(sameOrder((result as { value?: unknown }).value, expected.value)).toBe(true);
  }
}

let accepted = 0;
let rejected = 0;
describe(`precompiled fast path against valibot (fast-check seed ${seed})`, () => {
  it("covers every schema of the entry", () => {
    expect(schemas.length).toBeGreaterThan(100);
    for (const name of Object.keys(realistic)) expect(schemas.map(([n]) => n)).toContain(name);
  });

  it.each(schemas)("%s", (name, schema) => {
    const fixture = realistic[name];
    if (fixture) agree(name, schema, fixture());
    fc.assert(
      fc.property(
        fc.oneof(
          ...[false, true].map((dirty) => shaped(sourceOf(schema) as unknown as Node, dirty)),
        ),
        (input) => agree(name, schema, input),
      ),
      { seed, numRuns: RUNS ?? (fixture ? 120 : 40) },
    );
  });

  it("tried both verdicts, each on a good share of the inputs", () => {
    const total = accepted + rejected;
    if (total === 0) return; // run alone (vitest -t)
    expect(accepted / total).toBeGreaterThan(0.3);
    expect(rejected / total).toBeGreaterThan(0.3);
  });
});

// Node kinds and corners the schemas above do not use, which the fast path must
// still get right (or leave to valibot).
const manyKeys = Object.fromEntries(
  Array.from({ length: 17 }, (_, i) => [`k${i}`, v.nullish(v.string())]),
);
const synthetic: [string, v.GenericSchema][] = [
  [
    "an own __proto__ key among 17",
    v.object({ ...manyKeys, ["__proto__"]: v.nullish(v.string()) }),
  ],
  [
    "an own __proto__ key among 2",
    v.object({ a: v.string(), ["__proto__"]: v.optional(v.unknown()) }),
  ],
  [
    "defaults: values, functions (called on their schema), on absent and empty keys",
    v.object({
      ...manyKeys,
      list: v.optional(v.array(v.number()), []),
      made: v.optional(v.string(), function (this: { type: string }) {
        return this.type;
      }),
      filled: v.nullish(v.boolean(), true),
      nulled: v.nullable(v.number(), 0),
      maybe: v.exactOptional(v.string()),
    }),
  ],
  [
    "a transform, a metadata item, other number checks",
    v.object({
      length: v.pipe(
        v.string(),
        v.transform((s) => s.length),
      ),
      named: v.pipe(v.string(), v.title("a name"), v.minLength(2)),
      whole: v.pipe(v.number(), v.integer()),
      positive: v.pipe(v.number(), v.minValue(1)),
      checked: v.pipe(v.number(), v.check<number>(Number.isSafeInteger)),
      nan: v.optional(v.literal(Number.NaN)),
      kept: v.object({ value: v.fallback(v.string(), "fallback") }),
    }),
  ],
  [
    "unions of objects, picklists, tuples, records with checked keys",
    v.union([
      v.object({ kind: v.literal("a"), value: v.picklist(["x", "y"]) }),
      v.object({ kind: v.string(), pair: v.tuple([v.number(), v.string()]) }),
      v.record(v.pipe(v.string(), v.minLength(2)), v.nullable(v.number())),
      v.array(v.union([v.string(), v.pipe(v.number(), v.finite())])),
    ]),
  ],
];

describe(`precompiled fast path on other valibot schemas (fast-check seed ${seed})`, () => {
  it.each(synthetic)("%s", (name, schema) => {
    fc.assert(
      fc.property(
        fc.oneof(...[false, true].map((dirty) => shaped(schema as unknown as Node, dirty))),
        (input) => agree(name, schema, input),
      ),
      { seed, numRuns: RUNS ?? 300 },
    );
  });
});

describe("precompiled schemas", () => {
  const list = V.getCvmListResponseSchemas["2026-01-21"];

  it("are valibot schemas with the source's type and entries", () => {
    expect(list["~standard"].vendor).toBe("valibot");
    expect(list.type).toBe("object");
    expect(list.entries).toBe(sourceOf(list).entries);
    expect(sourceOf(list)).not.toBe(list);
    const body = cvmListV20260121();
    expect(v.parse(list, body)).toEqual(v.parse(sourceOf(list), body));
    const piped = v.pipe(
      list,
      v.transform((page) => page.items.length),
    );
    expect(v.parse(piped, body)).toBe(1);
  });

  it("fill defaults with fresh values, and leave absent optional keys absent", () => {
    const {
      in_progress: _a,
      services: _b,
      listed: _c,
      app_id: _d,
      logs: _e,
      ...cvm
    } = cvmV20260121();
    const page = { items: [cvm, cvm], total: 2, page: 1, page_size: 2, pages: 1 };
    const out = v.parse(list, page);
    // Absent: a default is filled, a nullable field is null, any other stays absent.
    expect(out.items[0]).toMatchObject({ in_progress: false, listed: false, services: [] });
    expect(out.items[0]?.services).not.toBe(out.items[1]?.services);
    expect(out.items[0]?.app_id).toBeNull();
    expect("logs" in (out.items[0] as object)).toBe(false);
    expect(Object.keys(out.items[0] as object)).toEqual(
      Object.keys(v.parse(sourceOf(list), page).items[0] as object),
    );
  });

  it("reject with valibot's own issues", () => {
    const page = cvmListV20260121() as { items: Record<string, unknown>[] };
    page.items[0]!.resource = { vcpu: 1.5 };
    const result = v.safeParse(list, page);
    expect(result.success).toBe(false);
    expect(result.issues).toEqual(v.safeParse(sourceOf(list), page).issues);
    expect(v.getDotPath(result.issues![0]!)).toBe("items.0.resource.vcpu");
  });
});
