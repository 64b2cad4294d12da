import * as v from "valibot";
import { nullish, openEnum } from "../common";
import { CvmDetailV20251028Schema } from "../v2025-10-28/cvm";

// zod's `.int()` accepts safe integers only and `z.number()` rejects Infinity;
// valibot's `v.integer()` and `v.number()` are wider, hence these pipes.
const Int = v.pipe(v.number(), v.safeInteger());
const FiniteNumber = v.pipe(v.number(), v.finite());

export const CvmVmNodeSchema = v.object({
  id: Int,
  name: v.string(),
  region_identifier: nullish(v.string()),
});
export type CvmVmNode = v.InferOutput<typeof CvmVmNodeSchema>;

/**
 * The VM record the lifecycle endpoints answer with (start, stop, shutdown,
 * restart, replicas, and the commit of a provision). Its shape is the same in
 * 2025-10-28 and 2026-01-21: `id` is numeric in both (2026-01-21 sends `0`
 * there, since it no longer exposes table ids), sizes are flat (memory in MB,
 * disk in GB), the node is still called `teepod`.
 */
export const CvmVmSchema = v.object({
  id: Int,
  name: v.string(),
  status: v.string(),
  teepod_id: Int,
  teepod: nullish(CvmVmNodeSchema),
  app_id: v.string(),
  vm_uuid: v.nullable(v.string()),
  instance_id: v.nullable(v.string()),
  app_url: nullish(v.string()),
  base_image: nullish(v.string()),
  vcpu: FiniteNumber,
  /** MB. */
  memory: FiniteNumber,
  /** GB. */
  disk_size: FiniteNumber,
  manifest_version: nullish(Int),
  version: nullish(v.string()),
  runner: nullish(v.string()),
  docker_compose_file: nullish(v.string()),
  features: nullish(v.array(v.string())),
  created_at: v.string(),
  encrypted_env_pubkey: nullish(v.string()),
  user_id: nullish(Int),
  /** On-chain KMS: the app contract and the wallet that deployed it. */
  app_auth_contract_address: nullish(v.string()),
  deployer_address: nullish(v.string()),
});
export type CvmVm = v.InferOutput<typeof CvmVmSchema>;

/** `POST /cvms`: the CVM created from a provision. */
export const CommitCvmProvisionSchema = CvmVmSchema;
export type CommitCvmProvision = CvmVm;

/** Endpoints that answer 202/204 with no body resolve `undefined`. */
export const NoContentSchema = v.undefined();
export type NoContent = v.InferOutput<typeof NoContentSchema>;

/**
 * `PATCH /cvms/{id}/visibility` answers with the CVM's detail in the legacy
 * (2025-10-28) shape, whatever version is asked for.
 */
export const UpdateCvmVisibilitySchema = CvmDetailV20251028Schema;
export type UpdateCvmVisibility = v.InferOutput<typeof UpdateCvmVisibilitySchema>;

export const CvmStatusOperationSchema = v.object({
  type: nullish(v.string()),
  phase: nullish(v.string()),
  started_at: nullish(v.string()),
  correlation_id: nullish(v.string()),
});
export type CvmStatusOperation = v.InferOutput<typeof CvmStatusOperationSchema>;

/** One CVM's status as `POST /status/batch` reports it, made for polling. */
export const CvmBatchStatusSchema = v.object({
  vm_uuid: v.string(),
  status: v.string(),
  uptime: nullish(v.string()),
  in_progress: v.boolean(),
  boot_progress: nullish(v.string()),
  boot_error: nullish(v.string()),
  shutdown_progress: nullish(v.string()),
  operation: nullish(CvmStatusOperationSchema),
});
export type CvmBatchStatus = v.InferOutput<typeof CvmBatchStatusSchema>;

const CvmBatchStatusRecordSchema = v.record(v.string(), CvmBatchStatusSchema);

/** Keyed by VM UUID as sent; UUIDs the caller may not see are left out. */
export const GetCvmStatusBatchSchema = v.pipe(
  // zod's records reject arrays; `v.record` alone would read `[x]` as `{ "0": x }`.
  v.custom<v.InferInput<typeof CvmBatchStatusRecordSchema>>(
    (input) => typeof input === "object" && input !== null && !Array.isArray(input),
  ),
  CvmBatchStatusRecordSchema,
);
export type GetCvmStatusBatch = v.InferOutput<typeof GetCvmStatusBatchSchema>;

export const InstanceIdRefreshStatusSchema = openEnum([
  "updated",
  "unchanged",
  "skipped",
  "conflict",
  "error",
]);
export const InstanceIdSourceSchema = openEnum(["teepod_state", "teepod_info", "gateway", "none"]);

/** `PATCH /cvms/{id}/instance-id`: what refreshing one CVM's instance id found. */
export const InstanceIdRefreshResultSchema = v.object({
  /** Numeric in 2025-10-28 and 2026-01-21. */
  cvm_id: nullish(Int),
  /** The CVM as the request named it. */
  identifier: v.string(),
  status: InstanceIdRefreshStatusSchema,
  old_instance_id: nullish(v.string()),
  new_instance_id: nullish(v.string()),
  source: InstanceIdSourceSchema,
  verified_with_gateway: v.boolean(),
  reason: nullish(v.string()),
});
export type InstanceIdRefreshResult = v.InferOutput<typeof InstanceIdRefreshResultSchema>;

/** `PATCH /cvms/instance-ids`: the batch refresh, with counts and one result per CVM. */
export const RefreshCvmInstanceIdsSchema = v.object({
  total: Int,
  scanned: Int,
  updated: Int,
  unchanged: Int,
  skipped: Int,
  conflicts: Int,
  errors: Int,
  items: v.array(InstanceIdRefreshResultSchema),
});
export type RefreshCvmInstanceIds = v.InferOutput<typeof RefreshCvmInstanceIdsSchema>;
