// DELETE /tokens/self: revokes the API key the request is made with. The key is
// refused (401) from then on, by every route (see `requireApiKey` in app.ts).
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { type MockState, resourceState } from "../../model";

function revokedApiKeys(state: MockState): Set<string> {
  return resourceState(state, "revoked-api-keys", () => new Set<string>());
}

/** Whether `key` was revoked by `DELETE /tokens/self`. */
export function isRevokedApiKey(state: MockState, key: string): boolean {
  return revokedApiKeys(state).has(key);
}

export function registerTokenRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  api.delete("/tokens/self", requireApiKey, (c) => {
    // One key revokes itself alone: the one this request authenticated with.
    const key = c.req.header("X-API-Key")?.trim() ?? "";
    revokedApiKeys(c.get("render").state).add(key);
    return c.body(null, 204);
  });
}
