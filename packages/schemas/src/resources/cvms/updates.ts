import * as z from "zod";
import { nullish } from "../../common";

// Updates that change a CVM's compose hash answer 465 when the app's KMS is
// on-chain (Ethereum, Base): the new hash must be registered in the app contract
// before the API applies it. The SDK turns that answer into the
// `precondition_required` result below instead of an error; the other results
// carry the HTTP answer's own `status`.

/** The KMS of an on-chain app, as a 465 answer and a compose provision describe it. */
export const UpdateKmsInfoSchema = z.object({
  id: nullish(z.string()),
  slug: nullish(z.string()),
  url: nullish(z.string()),
  version: nullish(z.string()),
  chain_id: nullish(z.number()),
  kms_contract_address: nullish(z.string()),
  gateway_app_id: nullish(z.string()),
  k256_pubkey: nullish(z.string()),
});
export type UpdateKmsInfo = z.infer<typeof UpdateKmsInfoSchema>;

export const OnchainComposeStatusSchema = z.object({
  compose_hash_allowed: z.boolean(),
  device_id_allowed: z.boolean(),
  is_allowed: z.boolean(),
});
export type OnchainComposeStatus = z.infer<typeof OnchainComposeStatusSchema>;

/** The body of `POST /cvms/{id}/is-allowed`: overrides of what the CVM runs. */
export const CheckCvmIsAllowedBodySchema = z.object({
  compose_hash: z.string().optional(),
  node_id: z.number().int().optional(),
  device_id: z.string().optional(),
});
export type CheckCvmIsAllowedBody = z.infer<typeof CheckCvmIsAllowedBodySchema>;

/**
 * HTTP 465: register `compose_hash` in the app contract (`app_id`, on the chain of
 * `kms_info`), then repeat the call with the compose hash and the transaction hash.
 * A prepare-only `patchCvm` also gets a one-time `commit_token` and the URLs to commit with.
 */
export const ComposeHashRegistrationRequiredSchema = z.object({
  status: z.literal("precondition_required"),
  message: z.string(),
  error_code: nullish(z.string()),
  compose_hash: z.string(),
  app_id: z.string(),
  device_id: nullish(z.string()),
  kms_info: nullish(UpdateKmsInfoSchema),
  commit_token: nullish(z.string()),
  commit_url: nullish(z.string()),
  api_commit_url: nullish(z.string()),
  onchain_status: nullish(OnchainComposeStatusSchema),
});
export type ComposeHashRegistrationRequired = z.infer<typeof ComposeHashRegistrationRequiredSchema>;

/** The update was accepted and is being applied (the VM restarts with it). */
export const CvmUpdateInProgressSchema = z.object({
  status: z.literal("in_progress"),
  message: nullish(z.string()),
  correlation_id: nullish(z.string()),
  /** `PATCH /cvms/{id}/envs` only: whether the allowed env keys changed. */
  allowed_envs_changed: nullish(z.boolean()),
});
export type CvmUpdateInProgress = z.infer<typeof CvmUpdateInProgressSchema>;

/** The new content equals the current one; nothing is applied. */
export const CvmUpdateNoChangeSchema = z.object({
  status: z.literal("no_change"),
  message: nullish(z.string()),
});
export type CvmUpdateNoChange = z.infer<typeof CvmUpdateNoChangeSchema>;

/** `PATCH /cvms/{id}/envs`, `/docker-compose`, `/pre-launch-script`. */
export const CvmUpdateResultSchema = z.discriminatedUnion("status", [
  CvmUpdateInProgressSchema,
  CvmUpdateNoChangeSchema,
  ComposeHashRegistrationRequiredSchema,
]);
export type CvmUpdateResult = z.infer<typeof CvmUpdateResultSchema>;

/** An update the API accepted with 202 and applies in the background. */
export const CvmUpdateAcceptedSchema = z.object({
  status: z.literal("accepted"),
  correlation_id: nullish(z.string()),
});
export type CvmUpdateAccepted = z.infer<typeof CvmUpdateAcceptedSchema>;

/** `PATCH /cvms/{id}/compose_file` and `PATCH /cvms/{id}` (`patchCvm`, `confirmCvmPatch`). */
export const CvmPatchResultSchema = z.discriminatedUnion("status", [
  CvmUpdateAcceptedSchema,
  ComposeHashRegistrationRequiredSchema,
]);
export type CvmPatchResult = z.infer<typeof CvmPatchResultSchema>;

/** `POST /cvms/{id}/commit-update`: a prepare-only update committed with its token. */
export const CommitCvmUpdateResultSchema = z.object({
  status: z.string(),
  correlation_id: nullish(z.string()),
});
export type CommitCvmUpdateResult = z.infer<typeof CommitCvmUpdateResultSchema>;
