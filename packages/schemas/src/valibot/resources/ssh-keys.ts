import * as v from "valibot";
import { openEnum } from "../common";

/** zod's `.int()`: a safe integer. */
const _Int = v.pipe(v.number(), v.safeInteger());

/** Where a key came from: added by hand, or imported/synced from GitHub. */
export const SshKeySourceSchema = openEnum(["manual", "github_profile", "github_sync"]);
export type SshKeySource = v.InferOutput<typeof SshKeySourceSchema>;

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

/** `DELETE /user/ssh-keys/{key_id}` answers 204 with no body. */
export const DeleteSshKeyResponseSchema = v.undefined();
export type DeleteSshKeyResponse = v.InferOutput<typeof DeleteSshKeyResponseSchema>;
