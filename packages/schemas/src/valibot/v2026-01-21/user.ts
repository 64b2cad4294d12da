import * as v from "valibot";
import { nullish, openEnum } from "../common";

// Each schema is built in a function marked pure: a bundle that imports one
// schema of this file then drops the others (esbuild does not carry valibot's
// own `@__NO_SIDE_EFFECTS__` marks across modules).

/** zod's `z.number()`: no Infinity, no NaN. */
const FiniteNumber = /* @__PURE__ */ (() => v.pipe(v.number(), v.finite()))();

export const UserInfoSchema = /* @__PURE__ */ (() =>
  v.object({
    username: v.string(),
    email: v.string(),
    role: openEnum(["admin", "user"]),
    avatar: v.string(),
    email_verified: v.boolean(),
    totp_enabled: v.boolean(),
    has_backup_codes: v.boolean(),
    flag_has_password: v.boolean(),
  }))();
export type UserInfo = v.InferOutput<typeof UserInfoSchema>;

export const WorkspaceInfoSchema = /* @__PURE__ */ (() =>
  v.object({
    id: v.string(),
    name: v.string(),
    slug: v.nullable(v.string()),
    tier: v.string(),
    role: v.string(),
    avatar: nullish(v.string()),
  }))();
export type WorkspaceInfo = v.InferOutput<typeof WorkspaceInfoSchema>;

/** Amounts are decimal strings on the wire; older deployments send numbers. */
export const CreditsInfoSchema = /* @__PURE__ */ (() =>
  v.object({
    balance: v.union([v.string(), FiniteNumber]),
    granted_balance: v.union([v.string(), FiniteNumber]),
    is_post_paid: v.boolean(),
    outstanding_amount: v.nullable(v.union([v.string(), FiniteNumber])),
  }))();
export type CreditsInfo = v.InferOutput<typeof CreditsInfoSchema>;

/** `GET /auth/me` in 2026-01-21: user, current workspace and credits. */
export const CurrentUserV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    user: UserInfoSchema,
    workspace: WorkspaceInfoSchema,
    credits: CreditsInfoSchema,
  }))();
export type CurrentUserV20260121 = v.InferOutput<typeof CurrentUserV20260121Schema>;
