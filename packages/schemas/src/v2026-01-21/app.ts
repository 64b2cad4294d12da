import * as z from "zod";
import { AppProfileSchema, nullish } from "../common";
import { CvmInfoV20260121Schema } from "./cvm";

export const DstackAppFullResponseV20260121Schema = z.object({
  id: z.string(),
  name: z.string(),
  app_id: z.string(),
  app_provision_type: nullish(z.string()),
  app_icon_url: nullish(z.string()),
  created_at: z.string(),
  kms_type: z.string(),
  profile: nullish(AppProfileSchema),
  current_cvm: nullish(CvmInfoV20260121Schema),
  cvms: z.array(CvmInfoV20260121Schema).default([]),
  cvm_count: z.number().int().default(0),
});
export type DstackAppFullResponseV20260121 = z.infer<typeof DstackAppFullResponseV20260121Schema>;

/** An app the caller may only see by id (another workspace's app): every other field null. */
export const DstackAppMinimalResponseV20260121Schema = z.object({
  app_id: z.string(),
  id: nullish(z.null()),
  name: nullish(z.null()),
  app_provision_type: nullish(z.null()),
  app_icon_url: nullish(z.null()),
  created_at: nullish(z.null()),
  kms_type: nullish(z.null()),
  profile: nullish(z.null()),
  current_cvm: nullish(z.null()),
  cvms: nullish(z.null()),
  cvm_count: nullish(z.null()),
});
export type DstackAppMinimalResponseV20260121 = z.infer<
  typeof DstackAppMinimalResponseV20260121Schema
>;

export const DstackAppWithCvmResponseV20260121Schema = z.union([
  DstackAppFullResponseV20260121Schema,
  DstackAppMinimalResponseV20260121Schema,
]);
export type DstackAppWithCvmResponseV20260121 = z.infer<
  typeof DstackAppWithCvmResponseV20260121Schema
>;

export const DstackAppListResponseV20260121Schema = z.object({
  dstack_apps: z.array(DstackAppWithCvmResponseV20260121Schema),
  page: z.number().int(),
  page_size: z.number().int(),
  total: z.number().int(),
  total_pages: z.number().int(),
});
export type DstackAppListResponseV20260121 = z.infer<typeof DstackAppListResponseV20260121Schema>;
