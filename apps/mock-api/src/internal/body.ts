import type { HonoRequest } from "hono";
import { type ValidationIssue, validationError } from "./errors";

// Request bodies read the way FastAPI (pydantic) reads them, so every route
// answers a bad body with the same 422 items.

/** The part of a request the readers use: Hono's `c.req`. */
export type BodySource = Pick<HonoRequest, "text" | "header">;

/**
 * What an empty (or blank) body is, which differs by endpoint on the real API:
 * - `"missing"`: the endpoint declares a required body model, so FastAPI answers
 *   its `missing` 422 at `["body"]`;
 * - `"empty-object"`: the body is optional and every field has a default, so `{}`;
 * - `"json_invalid"`: the endpoint parses the text itself, so blank text is
 *   malformed JSON like any other.
 */
export type EmptyBody = "missing" | "empty-object" | "json_invalid";

/** The parsed body, whatever JSON value it is. */
export async function readJsonBody(req: BodySource, empty: EmptyBody): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "" && empty !== "json_invalid") {
    if (empty === "empty-object") return {};
    throw validationError([{ type: "missing", loc: ["body"], msg: "Field required", input: null }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw validationError([
      {
        type: "json_invalid",
        loc: ["body", 0],
        msg: "JSON decode error",
        input: {},
        ctx: { error: error instanceof Error ? error.message : String(error) },
      },
    ]);
  }
}

/** The body as an object; any other JSON value is FastAPI's `model_attributes_type` 422. */
export async function readJsonObject(
  req: BodySource,
  empty: EmptyBody,
): Promise<Record<string, unknown>> {
  const value = await readJsonBody(req, empty);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw validationError([
      {
        type: "model_attributes_type",
        loc: ["body"],
        msg: "Input should be a valid dictionary or object to extract fields from",
        input: value,
      },
    ]);
  }
  return value as Record<string, unknown>;
}

/**
 * A body the API reads as a file, which it takes either as raw text or, sent as
 * JSON, as a JSON string; anything else is a `string_type` 422 at `["body", field]`.
 */
export async function readTextField(req: BodySource, field: string): Promise<string> {
  const text = await req.text();
  if (!(req.header("content-type") ?? "").includes("json")) return text;
  try {
    const value = JSON.parse(text);
    if (typeof value === "string") return value;
  } catch {}
  throw validationError([
    {
      type: "string_type",
      loc: ["body", field],
      msg: "Input should be a valid string",
      input: text,
    },
  ]);
}

/**
 * A JSON object body whose `fields` are all required, non-blank strings, with
 * every problem listed in one 422 as FastAPI (pydantic) lists them. These
 * endpoints parse the text themselves: a blank body is malformed JSON.
 */
export async function readStringFields<const K extends string>(
  req: BodySource,
  fields: readonly K[],
): Promise<Record<K, string>> {
  const body = await readJsonObject(req, "json_invalid");
  const issues: ValidationIssue[] = [];
  for (const field of fields) {
    const value = body[field];
    const loc = ["body", field];
    if (value === undefined) {
      issues.push({ type: "missing", loc, msg: "Field required", input: body });
    } else if (typeof value !== "string") {
      issues.push({
        type: "string_type",
        loc,
        msg: "Input should be a valid string",
        input: value,
      });
    } else if (value.trim().length === 0) {
      issues.push({
        type: "string_too_short",
        loc,
        msg: "String should have at least 1 character",
        input: value,
        ctx: { min_length: 1 },
      });
    }
  }
  if (issues.length > 0) throw validationError(issues);
  return body as Record<K, string>;
}

/** What a commit (`/commit-update`, `/commit-replica`) brings: each field defaults to "". */
export interface CommitRequest {
  token: string;
  compose_hash: string;
  transaction_hash: string;
}

/**
 * The optional body of a commit (every field a string, default ""); the token
 * may come as the `token` query parameter instead.
 */
export async function readCommitRequest(
  req: BodySource,
  queryToken: string | undefined,
): Promise<CommitRequest> {
  const body = await readJsonObject(req, "empty-object");
  const issues: ValidationIssue[] = [];
  const field = (name: keyof CommitRequest): string => {
    const value = body[name];
    if (value === undefined || value === null) return "";
    if (typeof value === "string") return value;
    issues.push({
      type: "string_type",
      loc: ["body", name],
      msg: "Input should be a valid string",
      input: value,
    });
    return "";
  };
  const request = {
    token: field("token"),
    compose_hash: field("compose_hash"),
    transaction_hash: field("transaction_hash"),
  };
  if (issues.length > 0) throw validationError(issues);
  if (request.token === "" && queryToken) request.token = queryToken;
  return request;
}

type Body = Record<string, unknown>;

/**
 * Reads a JSON body the way FastAPI (pydantic) validates it, collecting every
 * problem so the 422 lists them all, each at `["body", field]`.
 */
export class BodyReader {
  private readonly issues: ValidationIssue[] = [];

  constructor(readonly body: Body) {}

  private present(name: string, required: boolean): boolean {
    const value = this.body[name];
    if (value !== undefined && value !== null) return true;
    if (required) {
      this.issues.push({
        type: "missing",
        loc: ["body", name],
        msg: "Field required",
        input: this.body,
      });
    }
    return false;
  }

  private fail(name: string, type: string, msg: string, ctx?: Record<string, unknown>) {
    const issue: ValidationIssue = { type, loc: ["body", name], msg, input: this.body[name] };
    if (ctx) issue.ctx = ctx;
    this.issues.push(issue);
  }

  string(name: string, required: true): string;
  string(name: string, required?: false): string | undefined;
  string(name: string, required = false): string | undefined {
    if (!this.present(name, required)) return undefined;
    const value = this.body[name];
    if (typeof value === "string") return value;
    this.fail(name, "string_type", "Input should be a valid string");
    return undefined;
  }

  bool(name: string): boolean | undefined {
    if (!this.present(name, false)) return undefined;
    const value = this.body[name];
    if (typeof value === "boolean") return value;
    this.fail(name, "bool_type", "Input should be a valid boolean");
    return undefined;
  }

  /** A boolean the API also takes as 0 or 1 (`allow_restart` is an integer in the contract). */
  flag(name: string): boolean | undefined {
    if (!this.present(name, false)) return undefined;
    const value = this.body[name];
    if (typeof value === "boolean") return value;
    if (value === 0 || value === 1) return value === 1;
    this.fail(name, "bool_parsing", "Input should be a valid boolean, unable to interpret input");
    return undefined;
  }

  int(name: string, bounds: { ge?: number; le?: number } = {}): number | undefined {
    if (!this.present(name, false)) return undefined;
    const value = this.body[name];
    if (typeof value !== "number" || !Number.isInteger(value)) {
      this.fail(name, "int_type", "Input should be a valid integer");
      return undefined;
    }
    if (bounds.ge !== undefined && value < bounds.ge) {
      this.fail(
        name,
        "greater_than_equal",
        `Input should be greater than or equal to ${bounds.ge}`,
        { ge: bounds.ge },
      );
      return undefined;
    }
    if (bounds.le !== undefined && value > bounds.le) {
      this.fail(name, "less_than_equal", `Input should be less than or equal to ${bounds.le}`, {
        le: bounds.le,
      });
      return undefined;
    }
    return value;
  }

  strings(name: string, required = false): string[] | undefined {
    if (!this.present(name, required)) return undefined;
    const value = this.body[name];
    if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
    this.fail(name, "list_type", "Input should be a valid list of strings");
    return undefined;
  }

  object(name: string, required = false): Body | undefined {
    if (!this.present(name, required)) return undefined;
    const value = this.body[name];
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Body;
    this.fail(name, "dict_type", "Input should be a valid dictionary");
    return undefined;
  }

  /** A problem found by a rule beyond the field's type. */
  invalid(name: string, msg: string) {
    this.fail(name, "value_error", `Value error, ${msg}`);
  }

  assertValid(): void {
    if (this.issues.length > 0) throw validationError(this.issues);
  }
}
