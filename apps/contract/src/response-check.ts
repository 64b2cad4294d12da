import { deref, isNullable, type JsonSchema, validateAgainst } from "./contract";

// What a parsed result must keep of the body it came from: every field (none
// dropped by the SDK's schema), the contract's defaults where a field was
// absent, and `null` for an absent nullable field.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Paths present in `input` that the result lost, at any depth. */
export function droppedFields(input: unknown, output: unknown, path = "$"): string[] {
  if (Array.isArray(input)) {
    if (!Array.isArray(output)) return [`${path}: array became ${typeof output}`];
    return input.flatMap((item, index) => droppedFields(item, output[index], `${path}[${index}]`));
  }
  if (!isObject(input)) return [];
  if (!isObject(output)) return [`${path}: object became ${JSON.stringify(output)}`];
  return Object.keys(input).flatMap((key) =>
    key in output
      ? droppedFields(input[key], output[key], `${path}.${key}`)
      : [`${path}.${key}: dropped`],
  );
}

function branches(schema: JsonSchema): JsonSchema[] {
  const resolved = deref(schema);
  if (typeof resolved !== "object") return [];
  return resolved.anyOf ?? resolved.oneOf ?? [resolved];
}

/** The object schema among a schema's branches that `value` was generated from. */
function objectBranch(schema: JsonSchema, value: Json): Json | undefined {
  const candidates = branches(schema)
    .map((branch) => deref(branch))
    .filter((branch): branch is Json => typeof branch === "object" && isObject(branch.properties));
  if (candidates.length <= 1) return candidates[0];
  // Several object shapes (the full app or its minimal form): the one the value is.
  return candidates.find((candidate) => validateAgainst(candidate, value).length === 0);
}

/**
 * Where an absent field did not come back as the contract says: its `default`
 * when it has one, else `null` when it is nullable.
 */
export function defaultViolations(
  schema: JsonSchema,
  input: unknown,
  output: unknown,
  path = "$",
): string[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    const itemSchema = branches(schema)
      .map((branch) => deref(branch))
      .find((branch) => typeof branch === "object" && branch.type === "array") as Json | undefined;
    if (!itemSchema?.items) return [];
    return input.flatMap((item, index) =>
      defaultViolations(itemSchema.items as JsonSchema, item, output[index], `${path}[${index}]`),
    );
  }
  if (!isObject(input) || !isObject(output)) return [];
  const objectSchema = objectBranch(schema, input);
  if (!objectSchema) return [];
  const properties = objectSchema.properties as Record<string, JsonSchema>;
  const problems: string[] = [];
  for (const [key, property] of Object.entries(properties)) {
    const where = `${path}.${key}`;
    if (key in input) {
      problems.push(...defaultViolations(property, input[key], output[key], where));
      continue;
    }
    // A default may sit beside a `$ref` or on the schema it names.
    const holder = [property, deref(property)].find(
      (candidate): candidate is Json => typeof candidate === "object" && "default" in candidate,
    );
    // A default the field's own schema refuses (VmConfiguration.gpus: `{}` for an
    // object that requires `gpus`) cannot be the value; such a field is held to
    // the nullable rule instead.
    const fits = holder !== undefined && validateAgainst(property, holder.default).length === 0;
    if (holder && fits) {
      const expected = JSON.stringify(holder.default);
      if (JSON.stringify(output[key]) !== expected) {
        problems.push(
          `${where}: absent, expected the default ${expected}, got ${JSON.stringify(output[key])}`,
        );
      }
    } else if (isNullable(property) && output[key] !== null) {
      problems.push(
        `${where}: absent and nullable, expected null, got ${JSON.stringify(output[key])}`,
      );
    }
  }
  return problems;
}
