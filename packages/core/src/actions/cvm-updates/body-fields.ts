import { invalidArguments } from "../../action";
import type { ValidationIssue } from "../../errors";

export type FieldKind =
  | "string"
  | "text"
  | "boolean"
  | "positiveInt"
  | "stringList"
  | "hash"
  | "transactionHash"
  | "object";

/** A field's kind, and whether the caller must give it. */
export type FieldSpec = { kind: FieldKind; required?: boolean };

const CVM_ID_KEYS = new Set(["id", "uuid", "app_id", "instance_id", "name"]);
const HASH = /^(?:0x)?[0-9a-f]{64}$/i;
const TRANSACTION_HASH = /^0x[0-9a-f]{64}$/i;

function problem(kind: FieldKind, value: unknown): string | undefined {
  switch (kind) {
    case "string":
      return typeof value === "string" && value.trim() !== ""
        ? undefined
        : "expected a non-empty string";
    case "text":
      return typeof value === "string" ? undefined : "expected a string";
    case "boolean":
      return typeof value === "boolean" ? undefined : "expected a boolean";
    case "positiveInt":
      return Number.isInteger(value) && (value as number) >= 1
        ? undefined
        : "expected an integer >= 1";
    case "stringList":
      return Array.isArray(value) && value.every((item) => typeof item === "string")
        ? undefined
        : "expected an array of strings";
    case "hash":
      return typeof value === "string" && HASH.test(value)
        ? undefined
        : "expected a compose hash: 64 hex characters, with or without 0x";
    case "transactionHash":
      return typeof value === "string" && TRANSACTION_HASH.test(value)
        ? undefined
        : "expected a transaction hash: 0x and 64 hex characters";
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? undefined
        : "expected an object";
  }
}

/**
 * Checks the non-identifier arguments of a CVM call against `spec` and returns
 * them (undefined ones dropped). The CVM identifier keys are left to
 * `normalizeCvmId`; any other unknown key is refused, so a typo is not silently
 * dropped from an update.
 */
export function checkFields(
  endpoint: string,
  args: unknown,
  spec: Record<string, FieldSpec>,
): Record<string, unknown> {
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    invalidArguments(endpoint, [{ path: "", message: "expected an object of arguments" }]);
  }
  const issues: ValidationIssue[] = [];
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (CVM_ID_KEYS.has(key)) continue;
    const field = spec[key];
    if (!field) {
      issues.push({
        path: key,
        message: `unknown argument; expected one of ${Object.keys(spec).join(", ")}`,
      });
      continue;
    }
    if (value === undefined) continue;
    const message = problem(field.kind, value);
    if (message) issues.push({ path: key, message });
    else fields[key] = value;
  }
  for (const [key, field] of Object.entries(spec)) {
    if (field.required && (args as Record<string, unknown>)[key] === undefined) {
      issues.push({ path: key, message: "required" });
    }
  }
  if (issues.length) invalidArguments(endpoint, issues);
  return fields;
}

/** The headers of the follow-up call after a 465: the registered hash and the proof. */
export function registrationHeaders(
  composeHash: unknown,
  transactionHash: unknown,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (typeof composeHash === "string") headers["X-Compose-Hash"] = composeHash;
  if (typeof transactionHash === "string") headers["X-Transaction-Hash"] = transactionHash;
  return headers;
}
