import * as z from "zod";
import { openEnum } from "../common";

/** Where a key came from: added by hand, or imported/synced from GitHub. */
export const SshKeySourceSchema = openEnum(["manual", "github_profile", "github_sync"]);
export type SshKeySource = z.infer<typeof SshKeySourceSchema>;

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

/** `DELETE /user/ssh-keys/{key_id}` answers 204 with no body. */
export const DeleteSshKeyResponseSchema = z.undefined();
export type DeleteSshKeyResponse = z.infer<typeof DeleteSshKeyResponseSchema>;
