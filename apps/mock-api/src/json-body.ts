import { validationError } from "./errors";

// Request bodies read the way FastAPI (pydantic) reads them, so every route
// answers a bad body with the same 422 items.

/** The parsed body; text that is not JSON is FastAPI's `json_invalid` 422. */
export function parseJsonBody(text: string): unknown {
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
export function requireJsonObject(value: unknown): Record<string, unknown> {
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
