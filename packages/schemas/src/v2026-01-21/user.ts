import * as z from "zod";
import { nullish, openEnum } from "../common";

export const UserInfoSchema = z.object({
  username: z.string(),
  email: z.string(),
  role: openEnum(["admin", "user"]),
  avatar: z.string(),
  email_verified: z.boolean(),
  totp_enabled: z.boolean(),
  has_backup_codes: z.boolean(),
  flag_has_password: z.boolean(),
});
export type UserInfo = z.infer<typeof UserInfoSchema>;

export const WorkspaceInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string().nullable(),
  tier: z.string(),
  role: z.string(),
  avatar: nullish(z.string()),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

/** Amounts are decimal strings on the wire; older deployments send numbers. */
export const CreditsInfoSchema = z.object({
  balance: z.union([z.string(), z.number()]),
  granted_balance: z.union([z.string(), z.number()]),
  is_post_paid: z.boolean(),
  outstanding_amount: z.union([z.string(), z.number()]).nullable(),
});
export type CreditsInfo = z.infer<typeof CreditsInfoSchema>;

/** `GET /auth/me` in 2026-01-21: user, current workspace and credits. */
export const CurrentUserV20260121Schema = z.object({
  user: UserInfoSchema,
  workspace: WorkspaceInfoSchema,
  credits: CreditsInfoSchema,
});
export type CurrentUserV20260121 = z.infer<typeof CurrentUserV20260121Schema>;
