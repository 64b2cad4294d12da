import { invalidArguments } from "../../action";
import type { ValidationIssue } from "../../errors";

export type BodyFieldKind = "string" | "requiredString" | "int" | "boolean";

function problem(kind: BodyFieldKind, value: unknown): string | undefined {
  switch (kind) {
    case "requiredString":
      return typeof value === "string" && value.trim() !== ""
        ? undefined
        : "expected a non-empty string";
    case "string":
      return typeof value === "string" ? undefined : "expected a string";
    case "int":
      return Number.isInteger(value) ? undefined : "expected an integer";
    case "boolean":
      return typeof value === "boolean" ? undefined : "expected a boolean";
  }
}

/**
 * Picks the request-body fields out of an action's arguments, checked by kind.
 * `pathKeys` are the arguments that go into the path instead; any other key is
 * refused so that a misspelt field is not silently dropped.
 */
export function checkBodyArgs(
  endpoint: string,
  args: object,
  pathKeys: readonly string[],
  fields: Record<string, BodyFieldKind>,
): Record<string, unknown> {
  const issues: ValidationIssue[] = [];
  const body: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(fields)) {
    const value = (args as Record<string, unknown>)[key];
    if (value === undefined) {
      if (kind === "requiredString") issues.push({ path: key, message: "required" });
      continue;
    }
    const message = problem(kind, value);
    if (message) issues.push({ path: key, message });
    else body[key] = value;
  }
  for (const key of Object.keys(args)) {
    if (!(key in fields) && !pathKeys.includes(key)) {
      issues.push({
        path: key,
        message: `unknown argument; expected one of ${[...pathKeys, ...Object.keys(fields)].join(", ")}`,
      });
    }
  }
  if (issues.length) invalidArguments(endpoint, issues);
  return body;
}
