import * as v from "valibot";
import { nullish } from "../../common";
import { Int } from "../../wire-helpers";

// Updates that change a CVM's compose hash answer 465 when the app's KMS is
// on-chain (Ethereum, Base): the new hash must be registered in the app contract
// before the API applies it. The SDK turns that answer into the
// `precondition_required` result below instead of an error; the other results
// carry the HTTP answer's own `status`.

// zod's `z.number()` rejects Infinity; valibot's `v.number()` only rejects NaN.
const FiniteNumber = v.pipe(v.number(), v.finite());

/** The KMS of an on-chain app, as a 465 answer and a compose provision describe it. */
export const UpdateKmsInfoSchema = v.object({
  id: nullish(v.string()),
  slug: nullish(v.string()),
  url: nullish(v.string()),
  version: nullish(v.string()),
  chain_id: nullish(FiniteNumber),
  kms_contract_address: nullish(v.string()),
  gateway_app_id: nullish(v.string()),
  k256_pubkey: nullish(v.string()),
});
export type UpdateKmsInfo = v.InferOutput<typeof UpdateKmsInfoSchema>;

export const OnchainComposeStatusSchema = v.object({
  compose_hash_allowed: v.boolean(),
  device_id_allowed: v.boolean(),
  is_allowed: v.boolean(),
});
export type OnchainComposeStatus = v.InferOutput<typeof OnchainComposeStatusSchema>;

/** The body of `POST /cvms/{id}/is-allowed`: overrides of what the CVM runs. */
export const CheckCvmIsAllowedBodySchema = v.object({
  compose_hash: v.optional(v.string()),
  node_id: v.optional(Int),
  device_id: v.optional(v.string()),
});
export type CheckCvmIsAllowedBody = v.InferOutput<typeof CheckCvmIsAllowedBodySchema>;

/**
 * HTTP 465: register `compose_hash` in the app contract (`app_id`, on the chain of
 * `kms_info`), then repeat the call with the compose hash and the transaction hash.
 * A prepare-only `patchCvm` also gets a one-time `commit_token` and the URLs to commit with.
 */
export const ComposeHashRegistrationRequiredSchema = v.object({
  status: v.literal("precondition_required"),
  message: v.string(),
  error_code: nullish(v.string()),
  compose_hash: v.string(),
  app_id: v.string(),
  device_id: nullish(v.string()),
  kms_info: nullish(UpdateKmsInfoSchema),
  commit_token: nullish(v.string()),
  commit_url: nullish(v.string()),
  api_commit_url: nullish(v.string()),
  onchain_status: nullish(OnchainComposeStatusSchema),
});
export type ComposeHashRegistrationRequired = v.InferOutput<
  typeof ComposeHashRegistrationRequiredSchema
>;

/** The update was accepted and is being applied (the VM restarts with it). */
export const CvmUpdateInProgressSchema = v.object({
  status: v.literal("in_progress"),
  message: nullish(v.string()),
  correlation_id: nullish(v.string()),
  /** `PATCH /cvms/{id}/envs` only: whether the allowed env keys changed. */
  allowed_envs_changed: nullish(v.boolean()),
});
export type CvmUpdateInProgress = v.InferOutput<typeof CvmUpdateInProgressSchema>;

/** The new content equals the current one; nothing is applied. */
export const CvmUpdateNoChangeSchema = v.object({
  status: v.literal("no_change"),
  message: nullish(v.string()),
});
export type CvmUpdateNoChange = v.InferOutput<typeof CvmUpdateNoChangeSchema>;

/** `PATCH /cvms/{id}/envs`, `/docker-compose`, `/pre-launch-script`. */
export const CvmUpdateResultSchema = v.variant("status", [
  CvmUpdateInProgressSchema,
  CvmUpdateNoChangeSchema,
  ComposeHashRegistrationRequiredSchema,
]);
export type CvmUpdateResult = v.InferOutput<typeof CvmUpdateResultSchema>;

/** An update the API accepted with 202 and applies in the background. */
export const CvmUpdateAcceptedSchema = v.object({
  status: v.literal("accepted"),
  correlation_id: nullish(v.string()),
});
export type CvmUpdateAccepted = v.InferOutput<typeof CvmUpdateAcceptedSchema>;

/** `PATCH /cvms/{id}/compose_file` and `PATCH /cvms/{id}` (`patchCvm`, `confirmCvmPatch`). */
export const CvmPatchResultSchema = v.variant("status", [
  CvmUpdateAcceptedSchema,
  ComposeHashRegistrationRequiredSchema,
]);
export type CvmPatchResult = v.InferOutput<typeof CvmPatchResultSchema>;

/** `POST /cvms/{id}/commit-update`: a prepare-only update committed with its token. */
export const CommitCvmUpdateResultSchema = v.object({
  status: v.string(),
  correlation_id: nullish(v.string()),
});
export type CommitCvmUpdateResult = v.InferOutput<typeof CommitCvmUpdateResultSchema>;
