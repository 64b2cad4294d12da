import { invalidArguments } from "./action";
import type { ValidationIssue } from "./errors";

type Check = "positiveInt" | "pageSize" | "string" | "boolean" | "stringList";

const PAGE_SIZE_MAX = 100;

function problem(check: Check, value: unknown): string | undefined {
  switch (check) {
    case "positiveInt":
      return Number.isInteger(value) && (value as number) >= 1
        ? undefined
        : "expected an integer >= 1";
    case "pageSize":
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= PAGE_SIZE_MAX
        ? undefined
        : `expected an integer from 1 to ${PAGE_SIZE_MAX}`;
    case "string":
      return typeof value === "string" ? undefined : "expected a string";
    case "boolean":
      return typeof value === "boolean" ? undefined : "expected a boolean";
    case "stringList":
      return Array.isArray(value) && value.every((v) => typeof v === "string")
        ? undefined
        : "expected an array of strings";
  }
}

/**
 * Checks optional query arguments against their kinds and returns them as query
 * parameters. Unknown keys are refused so a typo is not silently ignored.
 */
export function checkQueryArgs<T extends object>(
  endpoint: string,
  args: T | undefined,
  checks: Record<string, Check>,
): Record<string, string | number | boolean | string[] | undefined> {
  const issues: ValidationIssue[] = [];
  const query: Record<string, string | number | boolean | string[] | undefined> = {};
  if (args !== undefined && (typeof args !== "object" || args === null || Array.isArray(args))) {
    invalidArguments(endpoint, [{ path: "", message: "expected an object of query arguments" }]);
  }
  for (const [key, value] of Object.entries(args ?? {})) {
    const check = checks[key];
    if (!check) {
      issues.push({
        path: key,
        message: `unknown argument; expected one of ${Object.keys(checks).join(", ")}`,
      });
      continue;
    }
    if (value === undefined) continue;
    const message = problem(check, value);
    if (message) issues.push({ path: key, message });
    else query[key] = value as string | number | boolean | string[];
  }
  if (issues.length) invalidArguments(endpoint, issues);
  return query;
}
