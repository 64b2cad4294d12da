import { invalidArguments } from "./action";
import { isRecord, type ValidationIssue } from "./errors";

/**
 * What a field must be. `positiveInt` and `nonNegativeInt` are `int` with a
 * lower bound of 1 and 0; `min`/`max` of a rule narrow any numeric kind.
 */
export type FieldKind =
  | "string"
  | "nonEmptyString"
  | "boolean"
  | "number"
  | "int"
  | "positiveInt"
  | "nonNegativeInt"
  | "stringList"
  /** An array; its items are the rule's `refine` to check. */
  | "array"
  | "object"
  /** A non-empty string or an integer >= 0 (an id the API takes in either form). */
  | "stringOrInt"
  /** Hex digits, `0x` allowed (encrypted env vars). */
  | "hex"
  /** 64 hex digits, `0x` allowed (a compose hash). */
  | "hash"
  /** `0x` and 64 hex digits (an EVM transaction hash). */
  | "transactionHash"
  /** One of `values`. */
  | "enum";

export interface FieldRule {
  kind: FieldKind;
  /** Missing (or `undefined`) is an issue, not an omission. */
  required?: boolean;
  /** Inclusive bounds of a numeric kind. */
  min?: number;
  max?: number;
  /** The accepted values of an `enum`. */
  values?: readonly unknown[];
  /** The field's name in the body, when it is not the argument's name. */
  wire?: string;
  /**
   * A further check once the kind holds: a message about the field, or issues
   * whose paths are relative to it (`"count"` under `gpus` is `gpus.count`).
   */
  refine?: (value: any) => string | readonly ValidationIssue[] | undefined;
}

/** A kind alone is an optional field of that kind. */
export type Field = FieldKind | FieldRule;

export type Fields = Readonly<Record<string, Field>>;

export interface InspectOptions {
  /** Arguments accepted but used elsewhere (the path): neither checked here nor returned. */
  pathKeys?: Iterable<string>;
  /** Keep keys not in `fields` as they are instead of refusing them (nested objects the API extends). */
  allowUnknown?: boolean;
}

export interface CheckOptions extends InspectOptions {
  /** Problems the action found itself (rules across fields), reported in the same error. */
  issues?: readonly ValidationIssue[];
}

const HEX = /^(?:0x)?[0-9a-f]*$/i;
const HASH = /^(?:0x)?[0-9a-f]{64}$/i;
/** An on-chain transaction hash: 0x and 64 hex digits. */
export const TRANSACTION_HASH = /^0x[0-9a-f]{64}$/i;

function rangeText(noun: string, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `expected ${noun} from ${min} to ${max}`;
  if (min !== undefined) return `expected ${noun} >= ${min}`;
  if (max !== undefined) return `expected ${noun} <= ${max}`;
  return `expected ${noun}`;
}

function numberProblem(rule: FieldRule, value: unknown, integer: boolean): string | undefined {
  const floor = rule.kind === "positiveInt" ? 1 : rule.kind === "nonNegativeInt" ? 0 : undefined;
  const min = rule.min ?? floor;
  const { max } = rule;
  const fits =
    typeof value === "number" &&
    (integer ? Number.isInteger(value) : Number.isFinite(value)) &&
    (min === undefined || value >= min) &&
    (max === undefined || value <= max);
  return fits ? undefined : rangeText(integer ? "an integer" : "a number", min, max);
}

function problem(rule: FieldRule, value: unknown): string | undefined {
  switch (rule.kind) {
    case "string":
      return typeof value === "string" ? undefined : "expected a string";
    case "nonEmptyString":
      return typeof value === "string" && value.trim() !== ""
        ? undefined
        : "expected a non-empty string";
    case "boolean":
      return typeof value === "boolean" ? undefined : "expected a boolean";
    case "number":
      return numberProblem(rule, value, false);
    case "int":
    case "positiveInt":
    case "nonNegativeInt":
      return numberProblem(rule, value, true);
    case "stringList":
      return Array.isArray(value) && value.every((item) => typeof item === "string")
        ? undefined
        : "expected an array of strings";
    case "array":
      return Array.isArray(value) ? undefined : "expected an array";
    case "object":
      return isRecord(value) ? undefined : "expected an object";
    case "stringOrInt":
      return (typeof value === "string" && value.trim() !== "") ||
        (typeof value === "number" && Number.isInteger(value) && value >= 0)
        ? undefined
        : "expected a non-empty string or an integer >= 0";
    case "hex":
      return typeof value === "string" && value.length > 0 && HEX.test(value)
        ? undefined
        : "expected a hex string";
    case "hash":
      return typeof value === "string" && HASH.test(value)
        ? undefined
        : "expected a hash: 64 hex characters, with or without 0x";
    case "transactionHash":
      return typeof value === "string" && TRANSACTION_HASH.test(value)
        ? undefined
        : "expected a transaction hash: 0x and 64 hex characters";
    case "enum":
      return rule.values?.includes(value)
        ? undefined
        : `expected one of ${(rule.values ?? []).join(", ")}`;
  }
}

function refined(key: string, rule: FieldRule, value: unknown): ValidationIssue[] {
  const found = rule.refine?.(value);
  if (found === undefined) return [];
  if (typeof found === "string") return [{ path: key, message: found }];
  return found.map((issue) => ({
    path: issue.path ? `${key}.${issue.path}` : key,
    message: issue.message,
  }));
}

/**
 * Checks `args` against `fields` without throwing: the value to send (arguments
 * renamed to their wire names, undefined ones left out) and every issue found,
 * in argument order, then the missing required fields. For composing checks of
 * nested objects; actions call `checkBodyArgs`.
 */
export function inspectArgs(
  args: Record<string, unknown>,
  fields: Fields,
  options: InspectOptions = {},
): { value: Record<string, unknown>; issues: ValidationIssue[] } {
  const pathKeys = new Set(options.pathKeys);
  const issues: ValidationIssue[] = [];
  const value: Record<string, unknown> = {};
  for (const [key, given] of Object.entries(args)) {
    if (pathKeys.has(key)) continue;
    const field = fields[key];
    if (!field) {
      if (options.allowUnknown) {
        if (given !== undefined) value[key] = given;
        continue;
      }
      issues.push({
        path: key,
        message: `unknown argument; expected one of ${[...pathKeys, ...Object.keys(fields)].join(", ")}`,
      });
      continue;
    }
    if (given === undefined) continue;
    const rule = typeof field === "string" ? { kind: field } : field;
    const message = problem(rule, given);
    if (message) {
      issues.push({ path: key, message });
      continue;
    }
    const more = refined(key, rule, given);
    if (more.length) issues.push(...more);
    else value[rule.wire ?? key] = given;
  }
  for (const [key, field] of Object.entries(fields)) {
    if (typeof field === "object" && field.required && args[key] === undefined) {
      issues.push({ path: key, message: "required" });
    }
  }
  return { value, issues };
}

/** The engine of `checkBodyArgs` and `checkQueryArgs`; `noun` names the arguments in the error. */
export function checkArgs(
  endpoint: string,
  args: unknown,
  fields: Fields,
  options: CheckOptions,
  noun: string,
): Record<string, unknown> {
  if (args !== undefined && !isRecord(args)) {
    invalidArguments(endpoint, [{ path: "", message: `expected an object of ${noun}` }]);
  }
  const { value, issues } = inspectArgs(args ?? {}, fields, options);
  const all = [...(options.issues ?? []), ...issues];
  if (all.length) invalidArguments(endpoint, all);
  return value;
}

/**
 * Checks an action's arguments against `fields` and returns the request body:
 * the given fields under their wire names, undefined ones left out. Unknown keys
 * are refused so that a typo is not silently dropped, and every problem (with
 * `options.issues`) is reported at once in one `RequestValidationError`.
 */
export function checkBodyArgs(
  endpoint: string,
  args: unknown,
  fields: Fields,
  options: CheckOptions = {},
): Record<string, unknown> {
  return checkArgs(endpoint, args, fields, options, "arguments");
}

/** The argument keys that name a CVM (see `CvmIdInput`): pass them as `pathKeys`. */
export { CVM_ID_KEYS } from "./cvm-id";
