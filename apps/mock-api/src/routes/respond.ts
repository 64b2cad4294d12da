import type { Context } from "hono";
import type { MockEnv } from "../env";
import { renderForVersion } from "../versions/chain";
import type { VersionedEndpoint } from "../versions/context";

/** Answers with a body rendered in the newest version, taken back to the request's version. */
export function respond(c: Context<MockEnv>, endpoint: VersionedEndpoint, latestBody: unknown) {
  return c.json(renderForVersion(endpoint, latestBody, c.get("apiVersion"), c.get("render")));
}
