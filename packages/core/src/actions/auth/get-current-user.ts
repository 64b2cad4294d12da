import { getCurrentUserResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/**
 * The signed-in user: `GET /auth/me`. 2026-01-21 returns `{ user, workspace,
 * credits }`; 2025-10-28 a flat object with `team_name` and `credits`.
 */
export const getCurrentUser = /* @__PURE__ */ defineVersionedAction({
  name: "getCurrentUser",
  optionalArgs: true,
  noArgs: true,
  responses: getCurrentUserResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("getCurrentUser", given);
    return { method: "GET", path: "/auth/me" };
  },
});

export const safeGetCurrentUser = /* @__PURE__ */ safe(getCurrentUser);
