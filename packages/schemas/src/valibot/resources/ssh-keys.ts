import * as v from "valibot";
import { nullish, openEnum } from "../common";

/** zod's `.int()`: a safe integer. */
const Int = v.pipe(v.number(), v.safeInteger());

/** Where a key came from: added by hand, or imported/synced from GitHub. */
export const SshKeySourceSchema = openEnum(["manual", "github_profile", "github_sync"]);
export type SshKeySource = v.InferOutput<typeof SshKeySourceSchema>;

/** One SSH public key of the signed-in user (`GET /user/ssh-keys` lists them). */
export const SshKeySchema = v.object({
  id: v.string(),
  user_id: v.string(),
  name: v.string(),
  public_key: v.string(),
  /** `SHA256:<base64>`, as `ssh-keygen -l` prints it; unique per user. */
  fingerprint: v.string(),
  /** The key's algorithm: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`... */
  key_type: v.string(),
  source: SshKeySourceSchema,
  key_metadata: nullish(v.record(v.string(), v.unknown())),
  last_synced_at: nullish(v.string()),
  created_at: v.string(),
  updated_at: v.string(),
});
export type SshKey = v.InferOutput<typeof SshKeySchema>;

export const ListSshKeysResponseSchema = v.array(SshKeySchema);
export type ListSshKeysResponse = v.InferOutput<typeof ListSshKeysResponseSchema>;

/** Body of `POST /user/ssh-keys`. */
export const CreateSshKeyRequestSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1)),
  public_key: v.pipe(v.string(), v.minLength(1)),
});
export type CreateSshKeyRequest = v.InferOutput<typeof CreateSshKeyRequestSchema>;

/** Body of `POST /user/ssh-keys/github-profile`. */
export const ImportGithubProfileRequestSchema = v.object({
  github_username: v.pipe(v.string(), v.minLength(1)),
});
export type ImportGithubProfileRequest = v.InferOutput<typeof ImportGithubProfileRequestSchema>;

export const ImportGithubProfileResponseSchema = v.object({
  github_username: v.string(),
  keys_added: Int,
  /** Keys the user already had (same fingerprint). */
  keys_skipped: Int,
  /** One message per GitHub key that could not be parsed; the others are still imported. */
  errors: v.optional(v.array(v.string()), []),
});
export type ImportGithubProfileResponse = v.InferOutput<typeof ImportGithubProfileResponseSchema>;

export const SyncGithubSshKeysResponseSchema = v.object({
  /** Keys on the linked GitHub account when the sync ran. */
  synced_count: Int,
  keys_added: Int,
  keys_updated: Int,
  /** Keys synced earlier that are gone from GitHub, now revoked here. */
  keys_removed: Int,
  errors: v.optional(v.array(v.string()), []),
});
export type SyncGithubSshKeysResponse = v.InferOutput<typeof SyncGithubSshKeysResponseSchema>;

/** `DELETE /user/ssh-keys/{key_id}` answers 204 with no body. */
export const DeleteSshKeyResponseSchema = v.undefined();
export type DeleteSshKeyResponse = v.InferOutput<typeof DeleteSshKeyResponseSchema>;
