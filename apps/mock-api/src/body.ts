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
