import * as z from "zod";
import { nullish } from "../common";
import { UserRefSchema, WorkspaceRefSchema } from "../v2026-01-21/cvm";
import { CvmCertificateSchema, CvmTcbInfoSchema } from "./cvm-reads";
import { ComposeHashRegistrationRequiredSchema } from "./cvm-updates";

// App-level endpoints whose shape is the same in 2025-10-28 and 2026-01-21:
// revisions, filter options, attestations, device allowlist, instances, and the
// on-chain "is allowed" checks.

/** The CVM a revision belongs to. */
export const AppRevisionCvmRefSchema = z.object({
  object_type: z.literal("cvm"),
  id: nullish(z.string()),
  name: nullish(z.string()),
  app_id: nullish(z.string()),
  vm_uuid: nullish(z.string()),
});
export type AppRevisionCvmRef = z.infer<typeof AppRevisionCvmRefSchema>;

const appRevisionFields = {
  /** `rev_...`: what `getAppRevisionDetail` takes. */
  revision_id: z.string(),
  app_id: z.string(),
  vm_uuid: z.string(),
  compose_hash: z.string(),
  created_at: z.string(),
  trace_id: nullish(z.string()),
  /** What recorded the revision (creation, compose update, ...), as the API names it. */
  operation_type: z.string(),
  triggered_by: nullish(UserRefSchema),
  cvm: nullish(AppRevisionCvmRefSchema),
  workspace: nullish(WorkspaceRefSchema),
};

export const AppRevisionSchema = z.object(appRevisionFields);
export type AppRevision = z.infer<typeof AppRevisionSchema>;

/** `GET /apps/{app_id}/revisions`: newest first, page-numbered. */
export const AppRevisionsResponseSchema = z.object({
  revisions: z.array(AppRevisionSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  total_pages: z.number().int(),
});
export type AppRevisionsResponse = z.infer<typeof AppRevisionsResponseSchema>;

/** `GET /apps/{app_id}/revisions/{revision_id}`. */
export const AppRevisionDetailSchema = z.object({
  ...appRevisionFields,
  /** The app compose as an object, or its JSON text when asked with `raw_compose_file`. */
  compose_file: nullish(z.union([z.record(z.string(), z.unknown()), z.string()])),
  encrypted_env: nullish(z.string()),
  user_config: nullish(z.string()),
});
export type AppRevisionDetail = z.infer<typeof AppRevisionDetailSchema>;

/** `GET /apps/filter-options`: the distinct values each `getAppList` filter can take. */
export const AppFilterOptionsSchema = z.object({
  statuses: z.array(z.string()),
  image_versions: z.array(z.string()),
  instance_types: z.array(z.string()),
  kms_slugs: z.array(z.string()),
  kms_types: z.array(z.string()),
  regions: z.array(z.string()),
  nodes: z.array(z.string()),
});
export type AppFilterOptions = z.infer<typeof AppFilterOptionsSchema>;

export const AppAttestationKmsInfoSchema = z.object({
  contract_address: z.string(),
  chain_id: nullish(z.string()),
  version: z.string(),
  url: z.string(),
  gateway_app_id: nullish(z.string()),
  gateway_app_url: z.string(),
  kms_type: z.string(),
});
export type AppAttestationKmsInfo = z.infer<typeof AppAttestationKmsInfoSchema>;

/** What the guest agent of a system app (KMS, gateway) reports about itself. */
export const GuestAgentInfoSchema = z.object({
  app_id: nullish(z.string()),
  instance_id: nullish(z.string()),
  app_name: nullish(z.string()),
  device_id: nullish(z.string()),
});
export type GuestAgentInfo = z.infer<typeof GuestAgentInfoSchema>;

/** One CVM of the app; a stopped one has no quote and says why in `error`. */
export const AppAttestationInstanceSchema = z.object({
  vm_uuid: nullish(z.string()),
  name: nullish(z.string()),
  instance_id: nullish(z.string()),
  status: nullish(z.string()),
  image_version: nullish(z.string()),
  quote: nullish(z.string()),
  ppid: nullish(z.string()),
  ppid_sha256: nullish(z.string()),
  device_id: nullish(z.string()),
  fmspc: nullish(z.string()),
  tee_tcb_svn: nullish(z.string()),
  cpusvn: nullish(z.string()),
  pcesvn: nullish(z.number().int()),
  tcb_info: nullish(CvmTcbInfoSchema),
  app_certificates: nullish(z.array(CvmCertificateSchema)),
  compose_file: nullish(z.string()),
  error: nullish(z.string()),
});
export type AppAttestationInstance = z.infer<typeof AppAttestationInstanceSchema>;

/** `GET /apps/{app_id}/attestations`. */
export const AppAttestationResponseSchema = z.object({
  app_id: z.string(),
  contract_address: z.string(),
  kms_info: AppAttestationKmsInfoSchema,
  instances: z.array(AppAttestationInstanceSchema),
  kms_guest_agent_info: z.nullable(GuestAgentInfoSchema),
  gateway_guest_agent_info: z.nullable(GuestAgentInfoSchema),
  qemu_version: z.nullable(z.string()),
});
export type AppAttestationResponse = z.infer<typeof AppAttestationResponseSchema>;

export const DeviceAllowlistItemSchema = z.object({
  device_id: z.string(),
  node_name: z.nullable(z.string()),
  allowed_onchain: z.boolean(),
  status: z.string(),
  /** Table ids of the app's CVMs on this device (numbers in 2025-10-28 and 2026-01-21). */
  cvm_ids: z.array(z.number().int()),
});
export type DeviceAllowlistItem = z.infer<typeof DeviceAllowlistItemSchema>;

/** `GET /apps/{app_id}/device-allowlist`: empty `devices` for an app without on-chain KMS. */
export const DeviceAllowlistResponseSchema = z.object({
  is_onchain_kms: z.boolean(),
  allow_any_device: nullish(z.boolean()),
  chain_id: nullish(z.number().int()),
  app_contract_address: nullish(z.string()),
  devices: z.array(DeviceAllowlistItemSchema).default([]),
});
export type DeviceAllowlistResponse = z.infer<typeof DeviceAllowlistResponseSchema>;

/** `POST /apps/{app_id}/instances`: the VM record of the new instance. */
export const AppInstanceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.string(),
  teepod_id: z.number().int(),
  teepod: nullish(
    z.object({
      id: z.number().int(),
      name: z.string(),
      region_identifier: nullish(z.string()),
    }),
  ),
  app_id: z.string(),
  vm_uuid: z.nullable(z.string()),
  instance_id: z.nullable(z.string()),
  app_url: nullish(z.string()),
  base_image: nullish(z.string()),
  vcpu: z.number().int(),
  memory: z.number().int(),
  disk_size: z.number().int(),
  manifest_version: nullish(z.number().int()),
  version: nullish(z.string()),
  runner: nullish(z.string()),
  docker_compose_file: nullish(z.string()),
  features: nullish(z.array(z.string())),
  created_at: z.string(),
  encrypted_env_pubkey: z.nullable(z.string()),
  user_id: nullish(z.number().int()),
});
export type AppInstance = z.infer<typeof AppInstanceSchema>;

/**
 * What `createAppInstance` resolves: the new instance, or, when the app's KMS is
 * on-chain and the compose hash is not registered yet (HTTP 465), the hash to
 * register and the `commit_token` to send back as `token`. The instance's own
 * `status` is the VM's (`starting`, ...), never `precondition_required`; tell
 * the two apart with `isComposeHashRegistrationRequired`.
 */
export const CreateAppInstanceResultSchema = z.union([
  ComposeHashRegistrationRequiredSchema,
  AppInstanceSchema,
]);
export type CreateAppInstanceResult = z.infer<typeof CreateAppInstanceResultSchema>;

/** The body of `POST /apps/{app_id}/instances`. */
export const CreateAppInstanceBodySchema = z.object({
  name: z.string().optional(),
  node_id: z.number().int().optional(),
  docker_compose_file: z.string().optional(),
  pre_launch_script: z.string().optional(),
  encrypted_env: z.string().optional(),
  compose_hash: z.string().optional(),
  token: z.string().optional(),
  transaction_hash: z.string().optional(),
});
export type CreateAppInstanceBody = z.infer<typeof CreateAppInstanceBodySchema>;

/** Whether an app contract allows a compose hash on a device. */
export const IsAllowedResultSchema = z.object({
  cvm_id: nullish(z.string()),
  app_contract_address: z.string(),
  compose_hash: z.string(),
  device_id: z.string(),
  compose_hash_allowed: z.boolean(),
  allow_any_device: z.boolean(),
  device_id_allowed: nullish(z.boolean()),
  is_allowed: z.boolean(),
  error: nullish(z.string()),
});
export type IsAllowedResult = z.infer<typeof IsAllowedResultSchema>;

/** `POST /apps/{app_id}/cvms/is-allowed`: one result per CVM of the app. */
export const AppCvmsIsAllowedResponseSchema = z.object({
  is_onchain: z.boolean(),
  results: z.array(IsAllowedResultSchema.extend({ cvm_id: z.string() })).default([]),
  total: z.number().int().default(0),
  allowed_count: z.number().int().default(0),
  denied_count: z.number().int().default(0),
  error_count: z.number().int().default(0),
  skipped_cvm_ids: z.array(z.string()).default([]),
});
export type AppCvmsIsAllowedResponse = z.infer<typeof AppCvmsIsAllowedResponseSchema>;

/** The body of `POST /apps/{app_id}/is-allowed`. */
export const CheckAppIsAllowedBodySchema = z.object({
  compose_hash: z.string(),
  node_id: z.number().int().optional(),
  device_id: z.string().optional(),
  chain_id: z.number().int().optional(),
});
export type CheckAppIsAllowedBody = z.infer<typeof CheckAppIsAllowedBodySchema>;

/** The body of `POST /cvms/{id}/is-allowed`: overrides of what the CVM runs. */
export const CheckCvmIsAllowedBodySchema = z.object({
  compose_hash: z.string().optional(),
  node_id: z.number().int().optional(),
  device_id: z.string().optional(),
});
export type CheckCvmIsAllowedBody = z.infer<typeof CheckCvmIsAllowedBodySchema>;
