import * as v from "valibot";

/**
 * A fast path for the valibot schemas of large responses (a page of 1,000 CVMs).
 *
 * valibot interprets the schema tree on every value: each node allocates a
 * dataset and is called through `this`, and each object builds its output key
 * by key, which V8 turns into a slow dictionary-mode object past 16 keys.
 * `precompile` walks the tree once (at the first validation, not at import)
 * into plain closures that return a value's output, or `FAIL` at the first
 * doubt. It generates no code (no `new Function`, which Cloudflare Workers ban).
 *
 * When the fast check fails, valibot runs the schema itself on the same value,
 * so a rejection carries valibot's own issues (messages, paths). When it
 * passes, the output is the one valibot builds: the declared keys in the same
 * order, defaults filled in, unknown keys left out. A node it does not know
 * (or one with a fallback, async, or a function default) is run by valibot
 * inside the fast path. precompile.test.ts checks both runs agree on every
 * schema of this entry.
 */

/** What a check returns for a value it does not pass (invalid, or not sure). */
const FAIL: unique symbol = Symbol("fail");
type Config = v.Config<v.BaseIssue<unknown>>;
type Check = (value: unknown, config: Config) => unknown;
type StandardProps = v.StandardProps<unknown, unknown>;

/** The part of a valibot schema node (or pipe item) that the compiler reads. */
interface Node {
  kind: string;
  type: string;
  async: boolean;
  "~run": (
    dataset: v.UnknownDataset,
    config: Config,
  ) => v.OutputDataset<unknown, v.BaseIssue<unknown>>;
  pipe?: Node[];
  fallback?: unknown;
  default?: unknown;
  wrapped?: Node;
  entries?: Record<string, Node>;
  item?: Node;
  key?: Node;
  value?: Node;
  options?: Node[];
  literal?: unknown;
  requirement?: unknown;
}

/** The valibot schema each precompiled one was made from. */
const sources = new WeakMap<object, Node>();

/** A node run by valibot itself: exact, whatever the node is. */
function byValibot(node: Node): Check {
  return (value, config) => {
    const dataset = node["~run"]({ value }, config);
    return dataset.issues || !dataset.typed ? FAIL : dataset.value;
  };
}

// Leaves, checked by one function instead of a closure each: the type test in
// the low 3 bits, and whether null and undefined pass as they are.
const STRING = 1;
const BOOLEAN = 2;
const NUMBER = 3;
const FINITE = 4;
const SAFE_INTEGER = 5;
const INTEGER = 6;
const UNKNOWN = 7;
const NULL_PASSES = 8;
const UNDEFINED_PASSES = 16;

/** Number checks of a pipe, by the predicate valibot's action runs (`v.finite()`, ...). */
const NUMBER_PIPES = new Map<unknown, number>([
  [Number.isFinite, FINITE],
  [Number.isSafeInteger, SAFE_INTEGER],
  [Number.isInteger, INTEGER],
]);

/** The leaf code of a node, or 0 when it is not a leaf. */
function leafOf(node: Node): number {
  const source = sources.get(node);
  if (source) return leafOf(source);
  if (node.async || node.kind !== "schema" || node.fallback !== undefined) return 0;
  if (node.pipe) {
    // `v.pipe(v.number(), v.finite())` and the like: a validation whose
    // requirement is the predicate itself, run on a typed number.
    const [base, action, ...rest] = node.pipe.filter((item) => item.kind !== "metadata");
    if (!base || leafOf(base) !== NUMBER || action?.kind !== "validation" || rest.length > 0) {
      return 0;
    }
    return (!action.async && NUMBER_PIPES.get(action.requirement)) || 0;
  }
  const wrapped = (flags: number) => {
    const leaf = node.default === undefined ? leafOf(node.wrapped!) : 0;
    return leaf && leaf | flags;
  };
  switch (node.type) {
    case "string":
      return STRING;
    case "boolean":
      return BOOLEAN;
    case "number":
      return NUMBER;
    case "unknown":
    case "any":
      return UNKNOWN;
    case "nullish":
      return wrapped(NULL_PASSES | UNDEFINED_PASSES);
    case "optional":
      return wrapped(UNDEFINED_PASSES);
    case "nullable":
      return wrapped(NULL_PASSES);
    default:
      return 0;
  }
}

function isLeaf(leaf: number, value: unknown): boolean {
  const type = leaf & 7;
  if (type === UNKNOWN) return true;
  if (value === null) return (leaf & NULL_PASSES) !== 0;
  if (value === undefined) return (leaf & UNDEFINED_PASSES) !== 0;
  switch (type) {
    case STRING:
      return typeof value === "string";
    case BOOLEAN:
      return typeof value === "boolean";
    case NUMBER:
      return typeof value === "number" && !Number.isNaN(value);
    case FINITE:
      return Number.isFinite(value);
    case SAFE_INTEGER:
      return Number.isSafeInteger(value);
    default:
      return Number.isInteger(value);
  }
}

/** A pipe that is not a leaf: its schema, then each action as valibot runs it. */
function compilePipe(pipe: Node[]): Check {
  const steps = pipe.filter((item) => item.kind !== "metadata");
  const checks = steps.map((item, i): Check => {
    if (i === 0 || item.kind === "schema") return compile(item);
    return (value, config) => {
      const dataset = item["~run"]({ typed: true, value } as unknown as v.UnknownDataset, config);
      return dataset.issues || !dataset.typed ? FAIL : dataset.value;
    };
  });
  return (value, config) => {
    let out = value;
    for (let i = 0; i < checks.length && out !== FAIL; i++) out = checks[i]!(out, config);
    return out;
  };
}

/** `optional`, `nullish`, `nullable`: the empty values it lets through, or fills with its default. */
function compileWrapper(node: Node, empty: (value: unknown) => boolean): Check {
  const fill = node.default;
  if (typeof fill === "function") return byValibot(node);
  const inner = compile(node.wrapped!);
  if (fill === undefined) return (value, config) => (empty(value) ? value : inner(value, config));
  return (value, config) => {
    const filled = empty(value) ? fill : value;
    return empty(filled) ? filled : inner(filled, config);
  };
}

/** valibot's `getDefault(schema)` of an object entry: a function default is called on its schema. */
function defaultOf(schema: Node): unknown {
  return typeof schema.default === "function"
    ? (schema as unknown as { default: () => unknown }).default()
    : schema.default;
}

function compileObject(node: Node, entries: Record<string, Node>): Check {
  const keys = Object.keys(entries);
  const schemas = keys.map((key) => entries[key]!);
  if (schemas.some((schema) => schema.fallback !== undefined)) return byValibot(node);
  const checks = schemas.map(compile);
  const leaves = schemas.map(leafOf);
  const optional = schemas.map(
    (s) => s.type === "exact_optional" || s.type === "optional" || s.type === "nullish",
  );
  const defaults = schemas.map((s, i) => (optional[i] ? s.default : undefined));
  const count = keys.length;
  // valibot builds an output key by key, which leaves an object of more than
  // 16 keys in V8's slow dictionary mode. Outputs that large are copies of one
  // object holding every key in order instead (they share its fast shape).
  // Smaller ones are built key by key: copying a template at a site that sees
  // many shapes costs more than the assignments. An assignment to `__proto__`
  // sets a prototype, so such an object is never copied from a template.
  const template =
    count > 16 && !keys.includes("__proto__")
      ? Object.fromEntries(keys.map((key) => [key, null]))
      : undefined;

  return (input, config) => {
    if (!input || typeof input !== "object") return FAIL;
    let out: Record<string, unknown> = template ? { ...template } : {};
    // Whether `out` is a copy of the template, holding every key.
    let whole = template !== undefined;
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      let value = (input as Record<string, unknown>)[key];
      if (value === undefined && !(key in input)) {
        if (defaults[i] !== undefined) value = defaultOf(schemas[i]!);
        else if (!optional[i]) return FAIL;
        else {
          // An absent optional key stays absent from the output.
          if (whole) {
            const part: Record<string, unknown> = {};
            for (let j = 0; j < i; j++) part[keys[j]!] = out[keys[j]!];
            out = part;
            whole = false;
          }
          continue;
        }
      }
      const leaf = leaves[i]!;
      const checked = leaf !== 0 ? (isLeaf(leaf, value) ? value : FAIL) : checks[i]!(value, config);
      if (checked === FAIL) return FAIL;
      out[key] = checked;
    }
    return out;
  };
}

function compileArray(item: Node): Check {
  const check = compile(item);
  return (input, config) => {
    if (!Array.isArray(input)) return FAIL;
    const out: unknown[] = [];
    for (let i = 0; i < input.length; i++) {
      const checked = check(input[i], config);
      if (checked === FAIL) return FAIL;
      out.push(checked);
    }
    return out;
  };
}

const hasOwn = Object.prototype.hasOwnProperty;

function compileRecord(keyNode: Node, valueNode: Node): Check {
  const checkKey = compile(keyNode);
  const checkValue = compile(valueNode);
  return (input, config) => {
    if (!input || typeof input !== "object") return FAIL;
    const out: Record<string, unknown> = {};
    for (const key in input) {
      // The keys valibot copies: own ones, and none that could reach a prototype.
      const skip = key === "__proto__" || key === "prototype" || key === "constructor";
      if (skip || !hasOwn.call(input, key)) continue;
      const checkedKey = checkKey(key, config);
      if (checkedKey === FAIL) return FAIL;
      const checked = checkValue((input as Record<string, unknown>)[key], config);
      if (checked === FAIL) return FAIL;
      out[checkedKey as string] = checked;
    }
    return out;
  };
}

function compileUnion(options: Node[]): Check {
  // valibot's union gives the first option that passes.
  const checks = options.map(compile);
  return (value, config) => {
    for (const check of checks) {
      const checked = check(value, config);
      if (checked !== FAIL) return checked;
    }
    return FAIL;
  };
}

const isNullish = (value: unknown) => value === null || value === undefined;

function compile(node: Node): Check {
  const source = sources.get(node);
  if (source) return compile(source);
  if (node.async || node.kind !== "schema" || node.fallback !== undefined) return byValibot(node);
  const leaf = leafOf(node);
  if (leaf !== 0) return (value) => (isLeaf(leaf, value) ? value : FAIL);
  if (node.pipe) return compilePipe(node.pipe);
  switch (node.type) {
    case "null":
      return (value) => (value === null ? value : FAIL);
    case "literal": {
      const literal = node.literal;
      // valibot compares with SameValueZero.
      return (value) =>
        value === literal || (Number.isNaN(value) && Number.isNaN(literal)) ? value : FAIL;
    }
    case "nullish":
      return compileWrapper(node, isNullish);
    case "optional":
      return compileWrapper(node, (value) => value === undefined);
    case "nullable":
      return compileWrapper(node, (value) => value === null);
    case "object":
      return compileObject(node, node.entries!);
    case "array":
      return compileArray(node.item!);
    case "record":
      return compileRecord(node.key!, node.value!);
    case "union":
      return compileUnion(node.options!);
    default:
      return byValibot(node);
  }
}

/**
 * The same valibot schema (same type, entries and inferred output) whose run
 * tries the precompiled check first, built at the first run.
 */
/* @__NO_SIDE_EFFECTS__ */
export function precompile<const T extends v.GenericSchema>(schema: T): T {
  const source = schema as unknown as Node;
  let check: Check | undefined;
  const run: Node["~run"] = (dataset, config) => {
    check ??= compile(source);
    const out = check(dataset.value, config);
    if (out === FAIL) return source["~run"](dataset, config);
    return Object.assign(dataset, { typed: true as const, value: out });
  };
  const fast = { ...source, "~run": run };
  const standard: StandardProps = {
    version: 1,
    vendor: "valibot",
    // What valibot's own `~standard` returns: the dataset.
    validate: (value) =>
      run({ value }, v.getGlobalConfig()) as unknown as ReturnType<StandardProps["validate"]>,
  };
  sources.set(fast, source);
  return Object.assign(fast, { "~standard": standard }) as unknown as T;
}

/** The valibot schema `schema` was precompiled from, or `schema` itself. */
export function sourceOf<T extends v.GenericSchema>(schema: T): T {
  return (sources.get(schema) as T | undefined) ?? schema;
}

/**
 * The fast check alone, for tests: the output it gives, or undefined when it
 * leaves the value to valibot.
 */
export function fastCheck(
  schema: v.GenericSchema,
): (value: unknown) => { value: unknown } | undefined {
  const check = compile(schema as unknown as Node);
  return (value) => {
    const out = check(value, v.getGlobalConfig());
    return out === FAIL ? undefined : { value: out };
  };
}
