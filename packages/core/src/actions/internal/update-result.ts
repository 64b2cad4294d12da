import type { ActionResponse } from "../../action";
import { COMPOSE_HASH_REGISTRATION_REQUIRED, registrationRequired } from "../../registration";

/**
 * An answer that is either the action's own body or the on-chain 465: the 465
 * becomes the typed `precondition_required` result, any other body is left as it
 * is (`PATCH /cvms/{id}/envs|docker-compose|pre-launch-script`, whose body
 * carries its own `status`; replicas; app instances).
 */
export function shapeUpdateResult(response: ActionResponse): unknown {
  if (response.status === COMPOSE_HASH_REGISTRATION_REQUIRED) {
    return registrationRequired(response.data);
  }
  return response.data;
}

/**
 * A 202 (body `{ correlation_id, ... }` or none) becomes `{ status: "accepted",
 * correlation_id }`. Any other body is left as it is, for the schema to refuse.
 */
export function shapeAcceptedResult(response: ActionResponse): unknown {
  if (response.status === COMPOSE_HASH_REGISTRATION_REQUIRED) {
    return registrationRequired(response.data);
  }
  const { data } = response;
  if (data === undefined) return { status: "accepted", correlation_id: null };
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  return {
    status: "accepted",
    correlation_id: (data as Record<string, unknown>).correlation_id ?? null,
  };
}
