import { MockModelError } from "../model";
import type { RenderContext } from "./context";

// The generic rules by which the chain applies a field change of the SDK's
// VERSION_CHANGES to a body, from the change's data alone (its JSON Schema).
// Each returns undefined when the change is not one it can apply: the chain then
// looks for the mock's own handler, and refuses to start without one.

type Schema = Record<string, unknown>;
/** A field's new value from its old one (either direction). */
export type ValueRule = (value: unknown, ctx: RenderContext) => unknown;

const isSchema = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function isHashid(schema: unknown): boolean {
  return isSchema(schema) && schema.type === "string" && schema.format === "hashid";
}

function isNull(schema: unknown): boolean {
  return isSchema(schema) && schema.type === "null";
}

/** `T | null` written as `anyOf: [T, null]`: T, else undefined. */
function nonNullBranch(schema: Schema): unknown {
  const options = schema.anyOf;
  if (!Array.isArray(options) || options.length !== 2) return undefined;
  const [a, b] = options;
  if (isNull(b)) return a;
  if (isNull(a)) return b;
  return undefined;
}

/** Whether a value of `schema` may be null. */
export function isNullable(schema: unknown): boolean {
  if (!isSchema(schema)) return false;
  if (Array.isArray(schema.type)) return schema.type.includes("null");
  return nonNullBranch(schema) !== undefined;
}

/**
 * The API hid table ids from 2026-01-21 (it sends the placeholder 0 where a
 * number is still due) until 2026-05-22 made them hashids; 2025-10-28 shows them.
 */
export const TABLE_IDS_HIDDEN_FROM = "2026-01-21";

/**
 * The number a record's hashid stood for in an older version: its table id where
 * that version shows them, else 0. No record (null) is 0 too: the API's
 * placeholder where the older type wants a number.
 */
export function numericIdOf(hashid: unknown, ctx: RenderContext): number {
  if (typeof hashid !== "string" || ctx.version >= TABLE_IDS_HIDDEN_FROM) return 0;
  const cvm = ctx.state.cvms.get(hashid);
  if (cvm) return cvm.tableId;
  for (const user of ctx.state.users.values()) {
    if (user.hashedId === hashid) return user.id;
  }
  throw new MockModelError(`mock model has no record with the hashid ${hashid}`);
}

/**
 * Taking back a `retype-field` that made an integer id a hashid (`cvm_...`,
 * `usr_...`): one, nullable, or a list of them. Undefined for any other retype.
 */
export function hashidToNumberRule(schema: unknown): ValueRule | undefined {
  if (!isSchema(schema)) return undefined;
  if (isHashid(schema) || isHashid(nonNullBranch(schema))) return numericIdOf;
  if (schema.type === "array" && isHashid(schema.items)) {
    return (value, ctx) =>
      Array.isArray(value) ? value.map((item) => numericIdOf(item, ctx)) : value;
  }
  return undefined;
}

/** Bringing a value forward to a retyped field: plain JSON type conversions. */
export function coerceRule(schema: unknown): ValueRule | undefined {
  if (!isSchema(schema)) return undefined;
  const branch = nonNullBranch(schema);
  if (branch !== undefined) {
    const inner = coerceRule(branch);
    return inner && ((value, ctx) => (value === null ? null : inner(value, ctx)));
  }
  switch (schema.type) {
    case "string":
      return (value) => (value === null || value === undefined ? value : String(value));
    case "integer":
    case "number":
      return (value) => (value === null || value === undefined ? value : Number(value));
    case "boolean":
      return (value) => (value === null || value === undefined ? value : Boolean(value));
    case "array": {
      const items = coerceRule(schema.items ?? {});
      return (
        items &&
        ((value, ctx) => (Array.isArray(value) ? value.map((item) => items(item, ctx)) : value))
      );
    }
    default:
      // No type (anything goes): the value stands.
      return Object.keys(schema).length === 0 ? (value) => value : undefined;
  }
}

/**
 * The value a field takes where the model has none for it (a field added after
 * the render version, or one a change removed, taken back): the schema's
 * default, its constant, or null where it may be null. Undefined when none of
 * those exists.
 */
export function defaultValueRule(schema: unknown): ValueRule | undefined {
  if (!isSchema(schema)) return undefined;
  if ("default" in schema) {
    const value = schema.default;
    return () => structuredClone(value);
  }
  if ("const" in schema) {
    const value = schema.const;
    return () => structuredClone(value);
  }
  if (isNullable(schema)) return () => null;
  return undefined;
}
