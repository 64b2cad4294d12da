import * as z from "zod";
import { BillingPeriodSchema, CvmNetworkUrlsSchema, KmsTypeSchema, nullish } from "../common";

export const UserRefSchema = z.object({
  object_type: z.literal("user"),
  id: nullish(z.string()),
  username: nullish(z.string()),
  avatar_url: nullish(z.string()),
});
export type UserRef = z.infer<typeof UserRefSchema>;

export const WorkspaceRefSchema = z.object({
  object_type: z.literal("workspace"),
  id: z.string(),
  name: z.string(),
  slug: nullish(z.string()),
  avatar_url: nullish(z.string()),
});
export type WorkspaceRef = z.infer<typeof WorkspaceRefSchema>;

export const NodeRefSchema = z.object({
  object_type: z.literal("node"),
  id: nullish(z.number().int()),
  name: nullish(z.string()),
  region: nullish(z.string()),
  device_id: nullish(z.string()),
  ppid: nullish(z.string()),
  status: nullish(z.string()),
  version: nullish(z.string()),
});
export type NodeRef = z.infer<typeof NodeRefSchema>;

export const CvmResourceInfoV20260121Schema = z.object({
  instance_type: nullish(z.string()),
  vcpu: nullish(z.number().int()),
  memory_in_gb: nullish(z.number()),
  disk_in_gb: nullish(z.number().int()),
  gpus: nullish(z.number().int()),
  compute_billing_price: nullish(z.string()),
  billing_period: nullish(BillingPeriodSchema),
});
export type CvmResourceInfoV20260121 = z.infer<typeof CvmResourceInfoV20260121Schema>;

export const CvmOsInfoV20260121Schema = z.object({
  name: nullish(z.string()),
  version: nullish(z.string()),
  is_dev: nullish(z.boolean()),
  os_image_hash: nullish(z.string()),
});
export type CvmOsInfoV20260121 = z.infer<typeof CvmOsInfoV20260121Schema>;

export const CvmKmsInfoV20260121Schema = z.object({
  chain_id: nullish(z.number().int()),
  dstack_kms_address: nullish(z.string()),
  dstack_app_address: nullish(z.string()),
  deployer_address: nullish(z.string()),
  rpc_endpoint: nullish(z.string()),
  encrypted_env_pubkey: nullish(z.string()),
});
export type CvmKmsInfoV20260121 = z.infer<typeof CvmKmsInfoV20260121Schema>;

export const CvmProgressInfoV20260121Schema = z.object({
  target: nullish(z.string()),
  started_at: nullish(z.string()),
  correlation_id: nullish(z.string()),
});
export type CvmProgressInfoV20260121 = z.infer<typeof CvmProgressInfoV20260121Schema>;

export const CvmGatewayInfoV20260121Schema = z.object({
  base_domain: nullish(z.string()),
  cname: nullish(z.string()),
});
export type CvmGatewayInfoV20260121 = z.infer<typeof CvmGatewayInfoV20260121Schema>;

export const CvmLogUrlsV20260121Schema = z.object({
  serial: nullish(z.string()),
  stdout: nullish(z.string()),
  stderr: nullish(z.string()),
  container_log_base: nullish(z.string()),
});
export type CvmLogUrlsV20260121 = z.infer<typeof CvmLogUrlsV20260121Schema>;

/** One CVM in 2026-01-21: nested resource, node, OS, KMS, gateway, workspace and creator. */
export const CvmInfoV20260121Schema = z.object({
  /** Hashed CVM id. */
  id: z.string(),
  name: z.string(),
  app_id: nullish(z.string()),
  vm_uuid: nullish(z.string()),
  instance_id: nullish(z.string()),
  resource: CvmResourceInfoV20260121Schema,
  node_info: nullish(NodeRefSchema),
  os: nullish(CvmOsInfoV20260121Schema),
  kms_type: nullish(KmsTypeSchema),
  kms_info: nullish(CvmKmsInfoV20260121Schema),
  status: z.string(),
  in_progress: z.boolean().default(false),
  progress: nullish(CvmProgressInfoV20260121Schema),
  compose_hash: nullish(z.string()),
  docker_compose_hash: nullish(z.string()),
  pre_launch_script_hash: nullish(z.string()),
  gateway: CvmGatewayInfoV20260121Schema,
  logs: nullish(CvmLogUrlsV20260121Schema),
  services: z.array(z.record(z.string(), z.unknown())).default([]),
  endpoints: nullish(z.array(CvmNetworkUrlsSchema)),
  public_logs: nullish(z.boolean()),
  public_sysinfo: nullish(z.boolean()),
  public_tcbinfo: nullish(z.boolean()),
  gateway_enabled: nullish(z.boolean()),
  secure_time: nullish(z.boolean()),
  listed: z.boolean().default(false),
  storage_fs: nullish(z.string()),
  workspace: nullish(WorkspaceRefSchema),
  creator: nullish(UserRefSchema),
  created_at: nullish(z.string()),
  updated_at: nullish(z.string()),
  deleted_at: nullish(z.string()),
  project_type: nullish(z.string()),
  app_url: nullish(z.string()),
  base_image: nullish(z.string()),
  features: nullish(z.array(z.string())),
  runner: nullish(z.string()),
  manifest_version: nullish(z.string()),
});
export type CvmInfoV20260121 = z.infer<typeof CvmInfoV20260121Schema>;

/** `GET /cvms/{id}` in 2026-01-21: the list shape plus the compose file. */
export const CvmInfoDetailV20260121Schema = CvmInfoV20260121Schema.extend({
  compose_file: nullish(z.union([z.record(z.string(), z.unknown()), z.string()])),
});
export type CvmInfoDetailV20260121 = z.infer<typeof CvmInfoDetailV20260121Schema>;

export const PaginatedCvmInfosV20260121Schema = z.object({
  items: z.array(CvmInfoV20260121Schema),
  total: z.number(),
  page: z.number(),
  page_size: z.number(),
  pages: z.number(),
});
export type PaginatedCvmInfosV20260121 = z.infer<typeof PaginatedCvmInfosV20260121Schema>;
