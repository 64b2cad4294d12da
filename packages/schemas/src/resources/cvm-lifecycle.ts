import * as z from "zod";
import { nullish, openEnum } from "../common";
import { CvmDetailV20251028Schema } from "../v2025-10-28/cvm";

export const CvmVmNodeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  region_identifier: nullish(z.string()),
});
export type CvmVmNode = z.infer<typeof CvmVmNodeSchema>;

/**
 * The VM record the lifecycle endpoints answer with (start, stop, shutdown,
 * restart, replicas, and the commit of a provision). Its shape is the same in
 * 2025-10-28 and 2026-01-21: `id` is numeric in both (2026-01-21 sends `0`
 * there, since it no longer exposes table ids), sizes are flat (memory in MB,
 * disk in GB), the node is still called `teepod`.
 */
export const CvmVmSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.string(),
  teepod_id: z.number().int(),
  teepod: nullish(CvmVmNodeSchema),
  app_id: z.string(),
  vm_uuid: z.string().nullable(),
  instance_id: z.string().nullable(),
  app_url: nullish(z.string()),
  base_image: nullish(z.string()),
  vcpu: z.number(),
  /** MB. */
  memory: z.number(),
  /** GB. */
  disk_size: z.number(),
  manifest_version: nullish(z.number().int()),
  version: nullish(z.string()),
  runner: nullish(z.string()),
  docker_compose_file: nullish(z.string()),
  features: nullish(z.array(z.string())),
  created_at: z.string(),
  encrypted_env_pubkey: nullish(z.string()),
  user_id: nullish(z.number().int()),
  /** On-chain KMS: the app contract and the wallet that deployed it. */
  app_auth_contract_address: nullish(z.string()),
  deployer_address: nullish(z.string()),
});
export type CvmVm = z.infer<typeof CvmVmSchema>;

/** `POST /cvms`: the CVM created from a provision. */
export const CommitCvmProvisionSchema = CvmVmSchema;
export type CommitCvmProvision = CvmVm;

/** Endpoints that answer 202/204 with no body resolve `undefined`. */
export const NoContentSchema = z.undefined();
export type NoContent = z.infer<typeof NoContentSchema>;

/**
 * `PATCH /cvms/{id}/visibility` answers with the CVM's detail in the legacy
 * (2025-10-28) shape, whatever version is asked for.
 */
export const UpdateCvmVisibilitySchema = CvmDetailV20251028Schema;
export type UpdateCvmVisibility = z.infer<typeof UpdateCvmVisibilitySchema>;

export const CvmStatusOperationSchema = z.object({
  type: nullish(z.string()),
  phase: nullish(z.string()),
  started_at: nullish(z.string()),
  correlation_id: nullish(z.string()),
});
export type CvmStatusOperation = z.infer<typeof CvmStatusOperationSchema>;

/** One CVM's status as `POST /status/batch` reports it, made for polling. */
export const CvmBatchStatusSchema = z.object({
  vm_uuid: z.string(),
  status: z.string(),
  uptime: nullish(z.string()),
  in_progress: z.boolean(),
  boot_progress: nullish(z.string()),
  boot_error: nullish(z.string()),
  shutdown_progress: nullish(z.string()),
  operation: nullish(CvmStatusOperationSchema),
});
export type CvmBatchStatus = z.infer<typeof CvmBatchStatusSchema>;

/** Keyed by VM UUID as sent; UUIDs the caller may not see are left out. */
export const GetCvmStatusBatchSchema = z.record(z.string(), CvmBatchStatusSchema);
export type GetCvmStatusBatch = z.infer<typeof GetCvmStatusBatchSchema>;

export const InstanceIdRefreshStatusSchema = openEnum([
  "updated",
  "unchanged",
  "skipped",
  "conflict",
  "error",
]);
export const InstanceIdSourceSchema = openEnum(["teepod_state", "teepod_info", "gateway", "none"]);

/** `PATCH /cvms/{id}/instance-id`: what refreshing one CVM's instance id found. */
export const InstanceIdRefreshResultSchema = z.object({
  /** Numeric in 2025-10-28 and 2026-01-21. */
  cvm_id: nullish(z.number().int()),
  /** The CVM as the request named it. */
  identifier: z.string(),
  status: InstanceIdRefreshStatusSchema,
  old_instance_id: nullish(z.string()),
  new_instance_id: nullish(z.string()),
  source: InstanceIdSourceSchema,
  verified_with_gateway: z.boolean(),
  reason: nullish(z.string()),
});
export type InstanceIdRefreshResult = z.infer<typeof InstanceIdRefreshResultSchema>;

/** `PATCH /cvms/instance-ids`: the batch refresh, with counts and one result per CVM. */
export const RefreshCvmInstanceIdsSchema = z.object({
  total: z.number().int(),
  scanned: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  conflicts: z.number().int(),
  errors: z.number().int(),
  items: z.array(InstanceIdRefreshResultSchema),
});
export type RefreshCvmInstanceIds = z.infer<typeof RefreshCvmInstanceIdsSchema>;
