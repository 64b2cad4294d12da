import type { ActionResponse } from "../../action";

/**
 * A text file's content: an empty body is an empty file, and a body the API sent
 * as a JSON string is already parsed to it. Anything else is left for the schema to refuse.
 */
export function textBody(response: ActionResponse): unknown {
  return response.data === undefined ? "" : response.data;
}
