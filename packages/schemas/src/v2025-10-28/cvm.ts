import * as z from "zod";
import { CvmNetworkUrlsSchema, nullish } from "../common";

const TableIdSchema = z.union([z.number(), z.string()]);

export const KmsInfoV20251028Schema = z.object({
  id: z.string(),
  slug: z.string().nullable(),
  url: z.string(),
  version: z.string(),
  chain_id: z.number().nullable(),
  kms_contract_address: z.string().nullable(),
  gateway_app_id: z.string().nullable(),
  k256_pubkey: nullish(z.string()),
});
export type KmsInfoV20251028 = z.infer<typeof KmsInfoV20251028Schema>;

export const VmInfoV20251028Schema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  uptime: z.string(),
  app_url: z.string().nullable(),
  app_id: z.string(),
  instance_id: z.string().nullable(),
  configuration: z.unknown().optional(),
  exited_at: z.string().nullable(),
  boot_progress: z.string().nullable(),
  boot_error: z.string().nullable(),
  shutdown_progress: z.string().nullable(),
  image_version: z.string().nullable(),
});
export type VmInfoV20251028 = z.infer<typeof VmInfoV20251028Schema>;

export const ManagedUserV20251028Schema = z.object({
  id: TableIdSchema,
  username: z.string(),
});
export type ManagedUserV20251028 = z.infer<typeof ManagedUserV20251028Schema>;

export const CvmNodeV20251028Schema = z.object({
  id: z.number(),
  name: z.string(),
  region_identifier: nullish(z.string()),
});
export type CvmNodeV20251028 = z.infer<typeof CvmNodeV20251028Schema>;

export const MachineInfoV20251028Schema = z.object({
  vcpu: z.number(),
  memory: z.number(),
  disk_size: z.number(),
  gpu_count: z.number().default(0),
});
export type MachineInfoV20251028 = z.infer<typeof MachineInfoV20251028Schema>;

/** One CVM of `GET /cvms/paginated` in 2025-10-28: flat sizes, `hosted` VM, `node`. */
export const CvmInfoV20251028Schema = z.object({
  hosted: VmInfoV20251028Schema,
  name: z.string(),
  managed_user: ManagedUserV20251028Schema.nullable(),
  node: CvmNodeV20251028Schema.nullable(),
  listed: z.boolean().default(false),
  status: z.string(),
  in_progress: z.boolean().default(false),
  dapp_dashboard_url: z.string().nullable(),
  syslog_endpoint: z.string().nullable(),
  allow_upgrade: z.boolean().default(false),
  project_id: z.string().nullable(),
  project_type: z.string().nullable(),
  billing_period: z.string().nullable(),
  kms_info: KmsInfoV20251028Schema.nullable(),
  vcpu: z.number().nullable(),
  /** Memory in MB. */
  memory: z.number().nullable(),
  /** Disk in GB. */
  disk_size: z.number().nullable(),
  gateway_domain: z.string().nullable(),
  public_urls: z.array(CvmNetworkUrlsSchema),
  machine_info: nullish(MachineInfoV20251028Schema),
  updated_at: nullish(z.string()),
});
export type CvmInfoV20251028 = z.infer<typeof CvmInfoV20251028Schema>;

/** `GET /cvms/{id}` in 2025-10-28. */
export const CvmDetailV20251028Schema = z.object({
  id: TableIdSchema,
  name: z.string(),
  status: z.string(),
  in_progress: z.boolean().default(false),
  teepod_id: z.number().nullable(),
  teepod: nullish(CvmNodeV20251028Schema),
  app_id: z.string(),
  vm_uuid: z.string().nullable(),
  instance_id: z.string().nullable(),
  vcpu: z.number(),
  /** Memory in MB. */
  memory: z.number(),
  /** Disk in GB. */
  disk_size: z.number(),
  base_image: z.string().nullable(),
  encrypted_env_pubkey: z.string().nullable(),
  listed: z.boolean().default(false),
  project_id: nullish(z.string()),
  project_type: nullish(z.string()),
  instance_type: nullish(z.string()),
  public_sysinfo: z.boolean().default(false),
  public_logs: z.boolean().default(false),
  dapp_dashboard_url: nullish(z.string()),
  syslog_endpoint: nullish(z.string()),
  kms_info: nullish(KmsInfoV20251028Schema),
  contract_address: nullish(z.string()),
  deployer_address: nullish(z.string()),
  scheduled_delete_at: nullish(z.string()),
  public_urls: z.array(CvmNetworkUrlsSchema).default([]),
  gateway_domain: nullish(z.string()),
  machine_info: nullish(MachineInfoV20251028Schema),
  updated_at: nullish(z.string()),
});
export type CvmDetailV20251028 = z.infer<typeof CvmDetailV20251028Schema>;

export const PaginatedCvmInfosV20251028Schema = z.object({
  items: z.array(CvmInfoV20251028Schema),
  total: z.number(),
  page: z.number(),
  page_size: z.number(),
  pages: z.number(),
});
export type PaginatedCvmInfosV20251028 = z.infer<typeof PaginatedCvmInfosV20251028Schema>;
