import { getCurrentUserResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../action";

/**
 * The signed-in user: `GET /auth/me`. 2026-01-21 returns `{ user, workspace,
 * credits }`; 2025-10-28 a flat object with `team_name` and `credits`.
 */
export const getCurrentUser = /* @__PURE__ */ defineVersionedAction({
  name: "getCurrentUser",
  optionalArgs: true,
  responses: getCurrentUserResponseSchemas,
  plan: (_args: Record<string, never>) => ({ method: "GET", path: "/auth/me" }),
});

export const safeGetCurrentUser = /* @__PURE__ */ safe(getCurrentUser);
