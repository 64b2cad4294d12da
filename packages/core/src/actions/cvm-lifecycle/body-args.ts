import { invalidArguments } from "../../action";
import { normalizeCvmId } from "../../cvm-id";
import type { ValidationIssue } from "../../errors";

/** How one body argument is checked before anything is sent. */
export type BodyCheck =
  | "string"
  | "nonEmptyString"
  | "boolean"
  | "positiveInt"
  | "nonNegativeInt"
  | "stringList"
  | "object"
  | "hex";

const HEX = /^(?:0x)?[0-9a-f]*$/i;

function problem(check: BodyCheck, value: unknown): string | undefined {
  switch (check) {
    case "string":
      return typeof value === "string" ? undefined : "expected a string";
    case "nonEmptyString":
      return typeof value === "string" && value.trim() !== ""
        ? undefined
        : "expected a non-empty string";
    case "boolean":
      return typeof value === "boolean" ? undefined : "expected a boolean";
    case "positiveInt":
      return Number.isInteger(value) && (value as number) >= 1
        ? undefined
        : "expected an integer >= 1";
    case "nonNegativeInt":
      return Number.isInteger(value) && (value as number) >= 0
        ? undefined
        : "expected an integer >= 0";
    case "stringList":
      return Array.isArray(value) && value.every((item) => typeof item === "string")
        ? undefined
        : "expected an array of strings";
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? undefined
        : "expected an object";
    case "hex":
      return typeof value === "string" && value.length > 0 && HEX.test(value)
        ? undefined
        : "expected a hex string";
  }
}

/** The argument keys that name a CVM (see `CvmIdInput`); they go to the path, not the body. */
export const CVM_ID_KEYS: ReadonlySet<string> = new Set([
  "id",
  "uuid",
  "app_id",
  "instance_id",
  "name",
]);

export interface BodySpec {
  checks: Record<string, BodyCheck>;
  required?: readonly string[];
  /** Keys accepted but handled by the caller (e.g. the CVM id keys). */
  skip?: ReadonlySet<string>;
}

/**
 * Checks body arguments and returns the ones given, as the request body. Unknown
 * keys are refused so that a typo is not silently dropped; every problem is
 * reported at once.
 */
export function checkBodyArgs(
  endpoint: string,
  args: unknown,
  spec: BodySpec,
  issues: ValidationIssue[] = [],
): Record<string, unknown> {
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    invalidArguments(endpoint, [{ path: "", message: "expected an object of arguments" }]);
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (spec.skip?.has(key)) continue;
    const check = spec.checks[key];
    if (!check) {
      issues.push({
        path: key,
        message: `unknown argument; expected one of ${Object.keys(spec.checks).join(", ")}`,
      });
      continue;
    }
    if (value === undefined) continue;
    const message = problem(check, value);
    if (message) issues.push({ path: key, message });
    else body[key] = value;
  }
  for (const key of spec.required ?? []) {
    if ((args as Record<string, unknown>)[key] === undefined) {
      issues.push({ path: key, message: "required" });
    }
  }
  if (issues.length) invalidArguments(endpoint, issues);
  return body;
}

/** `/cvms/{id}` plus a suffix, the id normalised the way the API accepts it. */
export function cvmPath(endpoint: string, args: unknown, suffix = ""): string {
  return `/cvms/${encodeURIComponent(normalizeCvmId(endpoint, args))}${suffix}`;
}

/** For an action on one CVM: its path and the checked body arguments besides the id. */
export function cvmRequest(
  endpoint: string,
  args: unknown,
  suffix: string,
  spec: Omit<BodySpec, "skip"> = { checks: {} },
): { path: string; body: Record<string, unknown> } {
  const path = cvmPath(endpoint, args, suffix);
  return { path, body: checkBodyArgs(endpoint, args, { ...spec, skip: CVM_ID_KEYS }) };
}
