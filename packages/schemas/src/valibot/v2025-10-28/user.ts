import * as v from "valibot";

// Each schema is built in a function marked pure: a bundle that imports one
// schema of this file then drops the others (esbuild does not carry valibot's
// own `@__NO_SIDE_EFFECTS__` marks across modules).

/** zod's `z.number()`: no Infinity, no NaN. */
const FiniteNumber = /* @__PURE__ */ (() => v.pipe(v.number(), v.finite()))();

/** `GET /auth/me` in 2025-10-28: one flat object. */
export const CurrentUserV20251028Schema = /* @__PURE__ */ (() =>
  v.object({
    username: v.string(),
    email: v.string(),
    credits: FiniteNumber,
    granted_credits: FiniteNumber,
    avatar: v.string(),
    team_name: v.string(),
    team_tier: v.string(),
  }))();
export type CurrentUserV20251028 = v.InferOutput<typeof CurrentUserV20251028Schema>;
