import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { CanonicalBody, MockEndpoint } from "../versions/endpoints";
import type { MockEnv } from "./env";
import { MockApiError, ROUTE_NOT_FOUND_BODY } from "./errors";

/**
 * Answers with a body rendered in the render version, taken to the request's
 * version by the chain. The body is typed by the SDK's own schema of the
 * endpoint in that version. An endpoint the request's version does not have (not
 * added yet, or removed) is an unknown route there, as on the real API.
 */
export function respond<E extends MockEndpoint>(
  c: Context<MockEnv>,
  endpoint: E,
  body: CanonicalBody<E>,
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get("render");
  const chain = c.get("chain");
  if (!chain.serves(endpoint, ctx.version)) throw new MockApiError(404, ROUTE_NOT_FOUND_BODY);
  c.set("endpoint", endpoint);
  return c.json(chain.render(endpoint, body, ctx) as object, status);
}

/** The 202 of an operation the API starts and reports on later. */
export function operationAccepted(correlationId: string, message: string) {
  return { correlation_id: correlationId, status: "in_progress", message };
}
