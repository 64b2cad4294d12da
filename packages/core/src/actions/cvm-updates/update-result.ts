import type { ActionResponse } from "../../action";
import { COMPOSE_HASH_REGISTRATION_REQUIRED, registrationRequired } from "../../registration";

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
  const data =
    typeof response.data === "object" && response.data !== null && !Array.isArray(response.data)
      ? (response.data as Record<string, unknown>)
      : {};
  return { status: "accepted", correlation_id: data.correlation_id ?? null };
}
