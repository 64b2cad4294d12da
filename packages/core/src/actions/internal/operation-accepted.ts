import type { ActionResponse } from "../../action";

/**
 * A 202 of an operation the API runs in the background: JSON with the
 * operation's `correlation_id` (and `status`, `message`), or no body at all.
 * An empty answer becomes `{}`, which the schema fills with nulls, so the
 * result has one shape either way.
 */
export function operationAccepted(response: ActionResponse): unknown {
  return response.data === undefined ? {} : response.data;
}
