import * as v from "valibot";
import { nullish } from "../common";
import { UserRefSchema, WorkspaceRefSchema } from "../v2026-01-21/cvm";
import { CvmCertificateSchema, CvmTcbInfoSchema } from "./cvm-reads";
import { ComposeHashRegistrationRequiredSchema } from "./cvm-updates";

// App-level endpoints whose shape is the same in 2025-10-28 and 2026-01-21:
// revisions, filter options, attestations, device allowlist, instances, and the
// on-chain "is allowed" checks.

// zod's `.int()` accepts safe integers only; valibot's `v.integer()` would also
// accept 2^53 and beyond.
const Int = v.pipe(v.number(), v.safeInteger());

const UnknownRecordSchema = v.record(v.string(), v.unknown());
// zod's records reject arrays; `v.record` alone would read `[x]` as `{ "0": x }`.
const ComposeObjectSchema = v.pipe(
  v.custom<v.InferInput<typeof UnknownRecordSchema>>(
    (input) => typeof input === "object" && input !== null && !Array.isArray(input),
  ),
  UnknownRecordSchema,
);

/** The CVM a revision belongs to. */
export const AppRevisionCvmRefSchema = v.object({
  object_type: v.literal("cvm"),
  id: nullish(v.string()),
  name: nullish(v.string()),
  app_id: nullish(v.string()),
  vm_uuid: nullish(v.string()),
});
export type AppRevisionCvmRef = v.InferOutput<typeof AppRevisionCvmRefSchema>;

const appRevisionFields = {
  /** `rev_...`: what `getAppRevisionDetail` takes. */
  revision_id: v.string(),
  app_id: v.string(),
  vm_uuid: v.string(),
  compose_hash: v.string(),
  created_at: v.string(),
  trace_id: nullish(v.string()),
  /** What recorded the revision (creation, compose update, ...), as the API names it. */
  operation_type: v.string(),
  triggered_by: nullish(UserRefSchema),
  cvm: nullish(AppRevisionCvmRefSchema),
  workspace: nullish(WorkspaceRefSchema),
};

export const AppRevisionSchema = v.object(appRevisionFields);
export type AppRevision = v.InferOutput<typeof AppRevisionSchema>;

/** `GET /apps/{app_id}/revisions`: newest first, page-numbered. */
export const AppRevisionsResponseSchema = v.object({
  revisions: v.array(AppRevisionSchema),
  total: Int,
  page: Int,
  page_size: Int,
  total_pages: Int,
});
export type AppRevisionsResponse = v.InferOutput<typeof AppRevisionsResponseSchema>;

/** `GET /apps/{app_id}/revisions/{revision_id}`. */
export const AppRevisionDetailSchema = v.object({
  ...appRevisionFields,
  /** The app compose as an object, or its JSON text when asked with `raw_compose_file`. */
  compose_file: nullish(v.union([ComposeObjectSchema, v.string()])),
  encrypted_env: nullish(v.string()),
  user_config: nullish(v.string()),
});
export type AppRevisionDetail = v.InferOutput<typeof AppRevisionDetailSchema>;

/** `GET /apps/filter-options`: the distinct values each `getAppList` filter can take. */
export const AppFilterOptionsSchema = v.object({
  statuses: v.array(v.string()),
  image_versions: v.array(v.string()),
  instance_types: v.array(v.string()),
  kms_slugs: v.array(v.string()),
  kms_types: v.array(v.string()),
  regions: v.array(v.string()),
  nodes: v.array(v.string()),
});
export type AppFilterOptions = v.InferOutput<typeof AppFilterOptionsSchema>;

export const AppAttestationKmsInfoSchema = v.object({
  contract_address: v.string(),
  chain_id: nullish(v.string()),
  version: v.string(),
  url: v.string(),
  gateway_app_id: nullish(v.string()),
  gateway_app_url: v.string(),
  kms_type: v.string(),
});
export type AppAttestationKmsInfo = v.InferOutput<typeof AppAttestationKmsInfoSchema>;

/** What the guest agent of a system app (KMS, gateway) reports about itself. */
export const GuestAgentInfoSchema = v.object({
  app_id: nullish(v.string()),
  instance_id: nullish(v.string()),
  app_name: nullish(v.string()),
  device_id: nullish(v.string()),
});
export type GuestAgentInfo = v.InferOutput<typeof GuestAgentInfoSchema>;

/** One CVM of the app; a stopped one has no quote and says why in `error`. */
export const AppAttestationInstanceSchema = v.object({
  vm_uuid: nullish(v.string()),
  name: nullish(v.string()),
  instance_id: nullish(v.string()),
  status: nullish(v.string()),
  image_version: nullish(v.string()),
  quote: nullish(v.string()),
  ppid: nullish(v.string()),
  ppid_sha256: nullish(v.string()),
  device_id: nullish(v.string()),
  fmspc: nullish(v.string()),
  tee_tcb_svn: nullish(v.string()),
  cpusvn: nullish(v.string()),
  pcesvn: nullish(Int),
  tcb_info: nullish(CvmTcbInfoSchema),
  app_certificates: nullish(v.array(CvmCertificateSchema)),
  compose_file: nullish(v.string()),
  error: nullish(v.string()),
});
export type AppAttestationInstance = v.InferOutput<typeof AppAttestationInstanceSchema>;

/** `GET /apps/{app_id}/attestations`. */
export const AppAttestationResponseSchema = v.object({
  app_id: v.string(),
  contract_address: v.string(),
  kms_info: AppAttestationKmsInfoSchema,
  instances: v.array(AppAttestationInstanceSchema),
  kms_guest_agent_info: v.nullable(GuestAgentInfoSchema),
  gateway_guest_agent_info: v.nullable(GuestAgentInfoSchema),
  qemu_version: v.nullable(v.string()),
});
export type AppAttestationResponse = v.InferOutput<typeof AppAttestationResponseSchema>;

export const DeviceAllowlistItemSchema = v.object({
  device_id: v.string(),
  node_name: v.nullable(v.string()),
  allowed_onchain: v.boolean(),
  status: v.string(),
  /** Table ids of the app's CVMs on this device (numbers in 2025-10-28 and 2026-01-21). */
  cvm_ids: v.array(Int),
});
export type DeviceAllowlistItem = v.InferOutput<typeof DeviceAllowlistItemSchema>;

/** `GET /apps/{app_id}/device-allowlist`: empty `devices` for an app without on-chain KMS. */
export const DeviceAllowlistResponseSchema = v.object({
  is_onchain_kms: v.boolean(),
  allow_any_device: nullish(v.boolean()),
  chain_id: nullish(Int),
  app_contract_address: nullish(v.string()),
  devices: v.optional(v.array(DeviceAllowlistItemSchema), () => []),
});
export type DeviceAllowlistResponse = v.InferOutput<typeof DeviceAllowlistResponseSchema>;

/** `POST /apps/{app_id}/instances`: the VM record of the new instance. */
export const AppInstanceSchema = v.object({
  id: Int,
  name: v.string(),
  status: v.string(),
  teepod_id: Int,
  teepod: nullish(
    v.object({
      id: Int,
      name: v.string(),
      region_identifier: nullish(v.string()),
    }),
  ),
  app_id: v.string(),
  vm_uuid: v.nullable(v.string()),
  instance_id: v.nullable(v.string()),
  app_url: nullish(v.string()),
  base_image: nullish(v.string()),
  vcpu: Int,
  memory: Int,
  disk_size: Int,
  manifest_version: nullish(Int),
  version: nullish(v.string()),
  runner: nullish(v.string()),
  docker_compose_file: nullish(v.string()),
  features: nullish(v.array(v.string())),
  created_at: v.string(),
  encrypted_env_pubkey: v.nullable(v.string()),
  user_id: nullish(Int),
});
export type AppInstance = v.InferOutput<typeof AppInstanceSchema>;

/**
 * What `createAppInstance` resolves: the new instance, or, when the app's KMS is
 * on-chain and the compose hash is not registered yet (HTTP 465), the hash to
 * register and the `commit_token` to send back as `token`. The instance's own
 * `status` is the VM's (`starting`, ...), never `precondition_required`; tell
 * the two apart with `isComposeHashRegistrationRequired`.
 */
export const CreateAppInstanceResultSchema = v.union([
  ComposeHashRegistrationRequiredSchema,
  AppInstanceSchema,
]);
export type CreateAppInstanceResult = v.InferOutput<typeof CreateAppInstanceResultSchema>;

/** The body of `POST /apps/{app_id}/instances`. */
export const CreateAppInstanceBodySchema = v.object({
  name: v.optional(v.string()),
  node_id: v.optional(Int),
  docker_compose_file: v.optional(v.string()),
  pre_launch_script: v.optional(v.string()),
  encrypted_env: v.optional(v.string()),
  compose_hash: v.optional(v.string()),
  token: v.optional(v.string()),
  transaction_hash: v.optional(v.string()),
});
export type CreateAppInstanceBody = v.InferOutput<typeof CreateAppInstanceBodySchema>;

/** Whether an app contract allows a compose hash on a device. */
export const IsAllowedResultSchema = v.object({
  cvm_id: nullish(v.string()),
  app_contract_address: v.string(),
  compose_hash: v.string(),
  device_id: v.string(),
  compose_hash_allowed: v.boolean(),
  allow_any_device: v.boolean(),
  device_id_allowed: nullish(v.boolean()),
  is_allowed: v.boolean(),
  error: nullish(v.string()),
});
export type IsAllowedResult = v.InferOutput<typeof IsAllowedResultSchema>;

/** `POST /apps/{app_id}/cvms/is-allowed`: one result per CVM of the app. */
export const AppCvmsIsAllowedResponseSchema = v.object({
  is_onchain: v.boolean(),
  results: v.optional(
    v.array(v.object({ ...IsAllowedResultSchema.entries, cvm_id: v.string() })),
    () => [],
  ),
  total: v.optional(Int, 0),
  allowed_count: v.optional(Int, 0),
  denied_count: v.optional(Int, 0),
  error_count: v.optional(Int, 0),
  skipped_cvm_ids: v.optional(v.array(v.string()), () => []),
});
export type AppCvmsIsAllowedResponse = v.InferOutput<typeof AppCvmsIsAllowedResponseSchema>;

/** The body of `POST /apps/{app_id}/is-allowed`. */
export const CheckAppIsAllowedBodySchema = v.object({
  compose_hash: v.string(),
  node_id: v.optional(Int),
  device_id: v.optional(v.string()),
  chain_id: v.optional(Int),
});
export type CheckAppIsAllowedBody = v.InferOutput<typeof CheckAppIsAllowedBodySchema>;

/** The body of `POST /cvms/{id}/is-allowed`: overrides of what the CVM runs. */
export const CheckCvmIsAllowedBodySchema = v.object({
  compose_hash: v.optional(v.string()),
  node_id: v.optional(Int),
  device_id: v.optional(v.string()),
});
export type CheckCvmIsAllowedBody = v.InferOutput<typeof CheckCvmIsAllowedBodySchema>;
