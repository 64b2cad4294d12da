import * as fc from "fast-check";
import { deref, isNullable, type JsonSchema } from "./contract";

// Responses generated from the contract's schemas: one with every property, one
// with only the required ones (nullable ones null), and random ones. Values are
// chosen to satisfy the schema (formats, patterns, bounds); a test checks each
// against the schema with Ajv, so a generator bug cannot pass silently.

type Schema = Exclude<JsonSchema, boolean>;

const MAX_DEPTH = 12;

function asObject(schema: JsonSchema): Schema {
  const resolved = deref(schema);
  if (resolved === true) return {};
  if (resolved === false) throw new Error("a `false` schema has no value");
  return resolved;
}

function nonNullBranches(schema: Schema): JsonSchema[] {
  return (schema.anyOf ?? schema.oneOf ?? []).filter(
    (branch: JsonSchema) => !(typeof branch === "object" && branch.type === "null"),
  );
}

/** A string for a `pattern` of the reference: `^prefix_.+` or `^(a|b)$`. */
function patternValue(pattern: string, seed: string): string {
  const prefix = /^\^([a-z]+_)\.\+$/.exec(pattern);
  if (prefix) return `${prefix[1]}${seed}`;
  const choice = /^\^\(([^)]+)\)\$$/.exec(pattern);
  if (choice) return choice[1]!.split("|")[0]!;
  throw new Error(`no generator for pattern ${pattern}`);
}

function formatValue(format: string | undefined, seed: string): string | undefined {
  switch (format) {
    case "date-time":
      return "2026-01-21T10:20:30Z";
    case "email":
      return `${seed.replace(/[^a-z0-9]/gi, "") || "user"}@example.com`;
    case "uuid":
      return "8c6f1a2e-5b3d-4e7f-9a1b-2c3d4e5f6a7b";
    default:
      return undefined;
  }
}

function stringValue(schema: Schema, seed: string): string {
  if (schema.pattern) return patternValue(schema.pattern, seed);
  const formatted = formatValue(schema.format, seed);
  if (formatted !== undefined) return formatted;
  let value = seed;
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    value = value.padEnd(schema.minLength, "x");
  }
  if (schema.maxLength !== undefined) value = value.slice(0, schema.maxLength);
  return value;
}

function numberValue(schema: Schema, preferred: number): number {
  let value = preferred;
  if (schema.minimum !== undefined && value < schema.minimum) value = schema.minimum;
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
    value = schema.exclusiveMinimum + 1;
  }
  if (schema.maximum !== undefined && value > schema.maximum) value = schema.maximum;
  return value;
}

function typeOf(schema: Schema): string | undefined {
  if (schema.type) return schema.type;
  if (schema.properties || schema.additionalProperties !== undefined) return "object";
  if (schema.items || schema.prefixItems) return "array";
  return undefined;
}

type Mode = "full" | "minimal";

function sample(input: JsonSchema, mode: Mode, path: string, depth: number): unknown {
  const schema = asObject(input);
  if (depth > MAX_DEPTH) throw new Error(`schema nested too deep at ${path}`);
  if ("const" in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf || schema.oneOf) {
    if (mode === "minimal" && isNullable(schema)) return null;
    const [first] = nonNullBranches(schema);
    return first === undefined ? null : sample(first, mode, path, depth + 1);
  }
  switch (typeOf(schema)) {
    case "null":
      return null;
    case "string":
      return stringValue(schema, mode === "full" ? path.replace(/^\$\.?/, "") || "s" : "x");
    case "integer":
      return numberValue(schema, mode === "full" ? 7 : 1);
    case "number":
      return numberValue(schema, mode === "full" ? 7.5 : 1);
    case "boolean":
      return mode === "full";
    case "array": {
      if (schema.prefixItems) {
        return schema.prefixItems.map((item: JsonSchema, index: number) =>
          sample(item, mode, `${path}[${index}]`, depth + 1),
        );
      }
      const count = Math.max(schema.minItems ?? 0, mode === "full" ? 2 : 0);
      const items = schema.items ?? {};
      return Array.from({ length: Math.min(count, schema.maxItems ?? count) }, (_, index) =>
        sample(items, mode, `${path}[${index}]`, depth + 1),
      );
    }
    case "object": {
      const properties: Record<string, JsonSchema> = schema.properties ?? {};
      const required = new Set<string>(schema.required ?? []);
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(properties)) {
        if (mode === "minimal" && !required.has(key)) continue;
        value[key] = sample(property, mode, `${path}.${key}`, depth + 1);
      }
      if (mode === "full" && Object.keys(properties).length === 0) {
        const extra = schema.additionalProperties;
        if (extra !== undefined && extra !== false) {
          value.extra_key = sample(
            extra === true ? {} : extra,
            mode,
            `${path}.extra_key`,
            depth + 1,
          );
        }
      }
      return value;
    }
    default:
      // `{}`: any JSON value; an object is what the API sends in every such place.
      return mode === "full" ? { note: path } : {};
  }
}

/** Every property present, the first non-null branch of each `anyOf`, two items per array. */
export function fullSample(schema: JsonSchema): unknown {
  return sample(schema, "full", "$", 0);
}

/** Only the required properties; every nullable one `null`; arrays empty where allowed. */
export function minimalSample(schema: JsonSchema): unknown {
  return sample(schema, "minimal", "$", 0);
}

const jsonString = fc.string({ maxLength: 12 });

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.pattern) {
    const prefix = /^\^([a-z]+_)\.\+$/.exec(schema.pattern);
    if (prefix) return fc.string({ minLength: 1, maxLength: 10 }).map((rest) => prefix[1] + rest);
    const choice = /^\^\(([^)]+)\)\$$/.exec(schema.pattern);
    if (choice) return fc.constantFrom(...choice[1]!.split("|"));
    throw new Error(`no generator for pattern ${schema.pattern}`);
  }
  if (schema.format === "date-time") {
    return fc
      .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  if (schema.format === "email") {
    return fc.stringMatching(/^[a-z]{1,8}$/).map((name) => `${name}@example.com`);
  }
  if (schema.format === "uuid") return fc.uuid();
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: schema.maxLength ?? 16 });
}

function integerArbitrary(schema: Schema): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum ?? -(2 ** 31)) + 0;
  const max = schema.maximum ?? 2 ** 31;
  return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
}

function arbitrary(input: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const schema = asObject(input);
  if (depth > MAX_DEPTH) throw new Error("schema nested too deep");
  if ("const" in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf || schema.oneOf) {
    const branches: JsonSchema[] = schema.anyOf ?? schema.oneOf;
    return fc.oneof(...branches.map((branch) => arbitrary(branch, depth + 1)));
  }
  switch (typeOf(schema)) {
    case "null":
      return fc.constant(null);
    case "string":
      return stringArbitrary(schema);
    case "integer":
      return integerArbitrary(schema);
    case "number":
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
      });
    case "boolean":
      return fc.boolean();
    case "array": {
      if (schema.prefixItems) {
        return fc.tuple(
          ...schema.prefixItems.map((item: JsonSchema) => arbitrary(item, depth + 1)),
        );
      }
      return fc.array(arbitrary(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    }
    case "object": {
      const properties: Record<string, JsonSchema> = schema.properties ?? {};
      if (Object.keys(properties).length === 0) {
        const extra = schema.additionalProperties;
        if (extra === undefined || extra === false) return fc.constant({});
        return fc.dictionary(
          fc.stringMatching(/^[a-z_]{1,8}$/),
          extra === true ? fc.jsonValue({ maxDepth: 2 }) : arbitrary(extra, depth + 1),
          { maxKeys: 3 },
        );
      }
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties)) {
        model[key] = arbitrary(property, depth + 1);
      }
      return fc.record(model, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.dictionary(jsonString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
  }
}

/** Random values of a schema, reproducible from `seed`. */
export function randomSamples(schema: JsonSchema, count: number, seed: number): unknown[] {
  return fc.sample(arbitrary(schema, 0), { numRuns: count, seed });
}
