import { checkArgs, type Field, type FieldRule } from "./body-args";

type Check = "positiveInt" | "pageSize" | "string" | "boolean" | "stringList";

const PAGE_SIZE_MAX = 100;

const RULES: Record<Check, Field> = {
  positiveInt: "positiveInt",
  pageSize: { kind: "int", min: 1, max: PAGE_SIZE_MAX },
  string: "string",
  boolean: "boolean",
  stringList: "stringList",
};

/**
 * Checks optional query arguments against their kinds (or a rule of their own)
 * and returns them as query parameters; a string list is sent as a repeated
 * key. Unknown keys are refused so a typo is not silently ignored.
 */
export function checkQueryArgs<T extends object>(
  endpoint: string,
  args: T | undefined,
  checks: Record<string, Check | FieldRule>,
): Record<string, string | number | boolean | string[] | undefined> {
  const fields = Object.fromEntries(
    Object.entries(checks).map(([key, check]) => [
      key,
      typeof check === "string" ? RULES[check] : check,
    ]),
  );
  return checkArgs(endpoint, args, fields, {}, "query arguments") as Record<
    string,
    string | number | boolean | string[]
  >;
}
