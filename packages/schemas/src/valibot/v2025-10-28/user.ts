import * as v from "valibot";

/** zod's `z.number()`: no Infinity, no NaN. */
const FiniteNumber = v.pipe(v.number(), v.finite());

/** `GET /auth/me` in 2025-10-28: one flat object. */
export const CurrentUserV20251028Schema = v.object({
  username: v.string(),
  email: v.string(),
  credits: FiniteNumber,
  granted_credits: FiniteNumber,
  avatar: v.string(),
  team_name: v.string(),
  team_tier: v.string(),
});
export type CurrentUserV20251028 = v.InferOutput<typeof CurrentUserV20251028Schema>;
