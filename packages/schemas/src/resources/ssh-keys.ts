import * as z from "zod";
import { nullish, openEnum } from "../common";

/** Where a key came from: added by hand, or imported/synced from GitHub. */
export const SshKeySourceSchema = openEnum(["manual", "github_profile", "github_sync"]);
export type SshKeySource = z.infer<typeof SshKeySourceSchema>;

/** One SSH public key of the signed-in user (`GET /user/ssh-keys` lists them). */
export const SshKeySchema = z.object({
  id: z.string(),
  user_id: z.string(),
  name: z.string(),
  public_key: z.string(),
  /** `SHA256:<base64>`, as `ssh-keygen -l` prints it; unique per user. */
  fingerprint: z.string(),
  /** The key's algorithm: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`... */
  key_type: z.string(),
  source: SshKeySourceSchema,
  key_metadata: nullish(z.record(z.string(), z.unknown())),
  last_synced_at: nullish(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SshKey = z.infer<typeof SshKeySchema>;

export const ListSshKeysResponseSchema = z.array(SshKeySchema);
export type ListSshKeysResponse = z.infer<typeof ListSshKeysResponseSchema>;

/** Body of `POST /user/ssh-keys`. */
export const CreateSshKeyRequestSchema = z.object({
  name: z.string().min(1),
  public_key: z.string().min(1),
});
export type CreateSshKeyRequest = z.infer<typeof CreateSshKeyRequestSchema>;

/** Body of `POST /user/ssh-keys/github-profile`. */
export const ImportGithubProfileRequestSchema = z.object({
  github_username: z.string().min(1),
});
export type ImportGithubProfileRequest = z.infer<typeof ImportGithubProfileRequestSchema>;

export const ImportGithubProfileResponseSchema = z.object({
  github_username: z.string(),
  keys_added: z.number().int(),
  /** Keys the user already had (same fingerprint). */
  keys_skipped: z.number().int(),
  /** One message per GitHub key that could not be parsed; the others are still imported. */
  errors: z.array(z.string()).default([]),
});
export type ImportGithubProfileResponse = z.infer<typeof ImportGithubProfileResponseSchema>;

export const SyncGithubSshKeysResponseSchema = z.object({
  /** Keys on the linked GitHub account when the sync ran. */
  synced_count: z.number().int(),
  keys_added: z.number().int(),
  keys_updated: z.number().int(),
  /** Keys synced earlier that are gone from GitHub, now revoked here. */
  keys_removed: z.number().int(),
  errors: z.array(z.string()).default([]),
});
export type SyncGithubSshKeysResponse = z.infer<typeof SyncGithubSshKeysResponseSchema>;

/** `DELETE /user/ssh-keys/{key_id}` answers 204 with no body. */
export const DeleteSshKeyResponseSchema = z.undefined();
export type DeleteSshKeyResponse = z.infer<typeof DeleteSshKeyResponseSchema>;
