import type { ActionResponse } from "../../action";

/** The HTTP status the API uses for "register the new compose hash on-chain first". */
export const COMPOSE_HASH_REGISTRATION_REQUIRED = 465;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const REGISTRATION_FIELDS = [
  "compose_hash",
  "app_id",
  "device_id",
  "kms_info",
  "commit_token",
  "commit_url",
  "api_commit_url",
  "onchain_status",
] as const;

/**
 * Reads a 465 body into the `precondition_required` result. The API sends its
 * structured error (`{ detail: { error_code, message, details: [{ field, value }] } }`,
 * or the same object unwrapped); older deployments put the fields on the error
 * itself. All three are accepted.
 */
export function registrationRequired(body: unknown): Json {
  const error = isObject(body) ? (isObject(body.detail) ? body.detail : body) : {};
  const fields: Json = {};
  for (const key of REGISTRATION_FIELDS) {
    if (error[key] !== undefined) fields[key] = error[key];
  }
  if (Array.isArray(error.details)) {
    for (const item of error.details) {
      if (isObject(item) && typeof item.field === "string") fields[item.field] = item.value;
    }
  }
  const result: Json = {
    status: "precondition_required",
    message:
      typeof error.message === "string"
        ? error.message
        : "Compose hash registration required on-chain",
    error_code: typeof error.error_code === "string" ? error.error_code : null,
  };
  for (const key of REGISTRATION_FIELDS) {
    const value = fields[key];
    // App ids have come back as numbers from some deployments; the result keeps them as text.
    result[key] = key === "app_id" && typeof value === "number" ? String(value) : value;
  }
  return result;
}

/** `PATCH /cvms/{id}/envs|docker-compose|pre-launch-script`: the body carries its own `status`. */
export function shapeUpdateResult(response: ActionResponse): unknown {
  if (response.status === COMPOSE_HASH_REGISTRATION_REQUIRED) {
    return registrationRequired(response.data);
  }
  return response.data;
}

/** A 202 (body `{ correlation_id }` or none) becomes `{ status: "accepted", correlation_id }`. */
export function shapeAcceptedResult(response: ActionResponse): unknown {
  if (response.status === COMPOSE_HASH_REGISTRATION_REQUIRED) {
    return registrationRequired(response.data);
  }
  const data = isObject(response.data) ? response.data : {};
  return { status: "accepted", correlation_id: data.correlation_id ?? null };
}
