import * as z from "zod";
import { AppProfileSchema, nullish } from "../common";
import { MachineInfoV20251028Schema } from "./cvm";

/** A CVM as embedded in an app in 2025-10-28 (and `GET /apps/{app_id}/cvms`). */
export const CvmBasicInfoV20251028Schema = z.object({
  vm_uuid: z.string().nullable(),
  app_id: z.string(),
  name: z.string().default(""),
  status: z.string(),
  vcpu: z.number().int(),
  memory: z.number().int(),
  disk_size: z.number().int(),
  teepod_id: z.number().int(),
  teepod_name: z.string(),
  region_identifier: nullish(z.string()),
  kms_type: nullish(z.string()),
  instance_type: nullish(z.string()),
  listed: nullish(z.boolean()),
  base_image: nullish(z.string()),
  kms_slug: nullish(z.string()),
  /** @deprecated names a KMS node, not the on-chain KMS contract: use `kms_contract_id`. */
  kms_id: nullish(z.string()),
  kms_contract_id: nullish(z.string()),
  instance_id: nullish(z.string()),
  machine_info: nullish(MachineInfoV20251028Schema),
  updated_at: nullish(z.string()),
});
export type CvmBasicInfoV20251028 = z.infer<typeof CvmBasicInfoV20251028Schema>;

export const DstackAppWithCvmResponseV20251028Schema = z.object({
  id: z.string(),
  name: z.string(),
  app_id: z.string(),
  app_provision_type: nullish(z.string()),
  app_icon_url: nullish(z.string()),
  created_at: z.string(),
  kms_type: z.string(),
  profile: nullish(AppProfileSchema),
  current_cvm: nullish(CvmBasicInfoV20251028Schema),
  cvms: z.array(CvmBasicInfoV20251028Schema).default([]),
  cvm_count: z.number().int().default(0),
});
export type DstackAppWithCvmResponseV20251028 = z.infer<
  typeof DstackAppWithCvmResponseV20251028Schema
>;

export const DstackAppListResponseV20251028Schema = z.object({
  dstack_apps: z.array(DstackAppWithCvmResponseV20251028Schema),
  page: z.number().int(),
  page_size: z.number().int(),
  total: z.number().int(),
  total_pages: z.number().int(),
});
export type DstackAppListResponseV20251028 = z.infer<typeof DstackAppListResponseV20251028Schema>;
