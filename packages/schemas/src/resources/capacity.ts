import * as z from "zod";
import { nullish } from "../common";
import { KmsInfoSchema } from "./kms";

/** An OS version as the API sends it: `[major, minor, patch]` or with a fourth build number. */
export const OsImageVersionSchema = z.union([
  z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
]);
export type OsImageVersion = z.infer<typeof OsImageVersionSchema>;

/** An OS image deployed on a node. */
export const NodeOsImageSchema = z.object({
  name: z.string(),
  slug: nullish(z.string()),
  release: nullish(z.string()),
  published_at: nullish(z.string()),
  is_dev: z.boolean(),
  version: OsImageVersionSchema,
  os_image_hash: nullish(z.string()),
  requires_gpu: nullish(z.boolean()),
  supports_cpu: nullish(z.boolean()),
  supports_gpu: nullish(z.boolean()),
  enabled: nullish(z.boolean()),
});
export type NodeOsImage = z.infer<typeof NodeOsImageSchema>;

/** A node (teepod) with what it can still host. */
export const TeepodCapacitySchema = z.object({
  teepod_id: z.number().int(),
  name: z.string(),
  listed: z.boolean(),
  resource_score: z.number(),
  remaining_vcpu: z.number(),
  /** MB. */
  remaining_memory: z.number(),
  remaining_cvm_slots: z.number(),
  images: z.array(NodeOsImageSchema),
  support_onchain_kms: nullish(z.boolean()),
  fmspc: nullish(z.string()),
  device_id: nullish(z.string()),
  region_identifier: nullish(z.string()),
  /** Slug of the KMS used when a deployment names none. */
  default_kms: nullish(z.string()),
  /** Slugs of the KMS this node works with. */
  kms_list: z.array(z.string()).default([]),
});
export type TeepodCapacity = z.infer<typeof TeepodCapacitySchema>;

/** The workspace's limits; null means no limit. */
export const ResourceThresholdSchema = z.object({
  max_instances: nullish(z.number()),
  max_vcpu: nullish(z.number()),
  max_memory: nullish(z.number()),
  max_disk: nullish(z.number()),
});
export type ResourceThreshold = z.infer<typeof ResourceThresholdSchema>;

export const GpuAvailabilitySchema = z.object({
  has_reserved_gpus: z.boolean(),
  reserved_gpu_count: z.number().int(),
  has_public_gpus: z.boolean(),
  public_gpu_count: z.number().int(),
});
export type GpuAvailability = z.infer<typeof GpuAvailabilitySchema>;

/** `GET /teepods/available`. */
export const AvailableNodesSchema = z.object({
  tier: z.string(),
  capacity: ResourceThresholdSchema,
  nodes: z.array(TeepodCapacitySchema),
  kms_list: z.array(KmsInfoSchema),
  gpu_availability: nullish(GpuAvailabilitySchema),
});
export type AvailableNodes = z.infer<typeof AvailableNodesSchema>;

export const InstanceTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  vcpu: z.number().int(),
  memory_mb: z.number().int(),
  /** Decimal string, USD per hour. */
  hourly_rate: z.string(),
  requires_gpu: z.boolean(),
  requires_gpu_count: z.number().int().min(0).default(0),
  requires_gpu_product_id: nullish(z.string()),
  default_disk_size_gb: z.number().int().default(20),
  family: z.string().nullable(),
});
export type InstanceType = z.infer<typeof InstanceTypeSchema>;

export const FamilyGroupSchema = z.object({
  name: z.string(),
  items: z.array(InstanceTypeSchema),
  total: z.number().int(),
});
export type FamilyGroup = z.infer<typeof FamilyGroupSchema>;

/** `GET /instance-types`: every public instance type, grouped by family. */
export const AllFamiliesResponseSchema = z.object({
  result: z.array(FamilyGroupSchema),
});
export type AllFamiliesResponse = z.infer<typeof AllFamiliesResponseSchema>;

/** `GET /instance-types/{family}`. */
export const FamilyInstanceTypesResponseSchema = z.object({
  items: z.array(InstanceTypeSchema),
  total: z.number().int(),
  family: z.string(),
});
export type FamilyInstanceTypesResponse = z.infer<typeof FamilyInstanceTypesResponseSchema>;

/** One OS image of the public catalogue. */
export const OsImageSchema = z.object({
  name: z.string(),
  slug: z.string(),
  /** Dotted, e.g. `0.5.3`. */
  version: z.string(),
  os_image_hash: nullish(z.string()),
  is_dev: z.boolean(),
  requires_gpu: z.boolean(),
});
export type OsImage = z.infer<typeof OsImageSchema>;

/** `GET /os-images`: one page of the catalogue. */
export const GetOsImagesResponseSchema = z.object({
  items: z.array(OsImageSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  pages: z.number().int(),
});
export type GetOsImagesResponse = z.infer<typeof GetOsImagesResponseSchema>;

/** The production or dev build of one OS version, as a CVM could move to it. */
export const OsImageVariantSchema = z.object({
  name: z.string(),
  slug: z.string(),
  os_image_hash: z.string().nullable(),
  requires_gpu: z.boolean(),
  /** The image the CVM runs now. */
  is_current: z.boolean(),
  enabled: z.boolean(),
});
export type OsImageVariant = z.infer<typeof OsImageVariantSchema>;

/** One OS version a CVM can move to, with its production and dev builds. */
export const AvailableOsImageSchema = z.object({
  version: OsImageVersionSchema,
  prod: OsImageVariantSchema.nullable(),
  dev: OsImageVariantSchema.nullable(),
});
export type AvailableOsImage = z.infer<typeof AvailableOsImageSchema>;

/** `GET /cvms/{id}/available-os-images`. */
export const GetAvailableOsImagesResponseSchema = z.array(AvailableOsImageSchema);
export type GetAvailableOsImagesResponse = z.infer<typeof GetAvailableOsImagesResponseSchema>;
