// GET /kms/phala/next_app_id: the app ids (and nonces) the Phala KMS hands out next.
import type { Hono, MiddlewareHandler } from "hono";
import { deterministicHex } from "../../internal/deterministic-hex";
import type { MockEnv } from "../../internal/env";
import { workspaceApps } from "../../internal/lookup";
import { QueryReader } from "../../internal/query";

/** The app ids the Phala KMS hands out next for a workspace: derived from its nonce. */
export function nextAppIdFor(workspaceId: string, nonce: number): string {
  return deterministicHex(`next-app:${workspaceId}:${nonce}`, 40);
}

const MAX_NEXT_APP_IDS = 20;

export function registerNextAppIdRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/kms/phala/next_app_id", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const counts = query.int("counts", 1, { ge: 1, le: MAX_NEXT_APP_IDS });
    query.assertValid();
    // The deployer's nonce: one per app the workspace has created so far.
    const firstNonce = workspaceApps(state, caller.workspace.id).length;
    return c.json(
      {
        app_ids: Array.from({ length: counts }, (_, i) => ({
          app_id: nextAppIdFor(caller.workspace.id, firstNonce + i),
          nonce: firstNonce + i,
        })),
      },
      200,
    );
  });
}
