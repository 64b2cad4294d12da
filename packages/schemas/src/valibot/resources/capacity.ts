import * as v from "valibot";
import { nullish } from "../common";
import { KmsInfoSchema } from "./kms";

/** zod's `.int()`: a safe integer. */
const Int = v.pipe(v.number(), v.safeInteger());
/** zod's `z.number()`: no Infinity, no NaN. */
const FiniteNumber = v.pipe(v.number(), v.finite());

/** An OS version as the API sends it: `[major, minor, patch]` or with a fourth build number. */
export const OsImageVersionSchema = v.union([
  v.strictTuple([Int, Int, Int]),
  v.strictTuple([Int, Int, Int, Int]),
]);
export type OsImageVersion = v.InferOutput<typeof OsImageVersionSchema>;

/** An OS image deployed on a node. */
export const NodeOsImageSchema = v.object({
  name: v.string(),
  slug: nullish(v.string()),
  release: nullish(v.string()),
  published_at: nullish(v.string()),
  is_dev: v.boolean(),
  version: OsImageVersionSchema,
  os_image_hash: nullish(v.string()),
  requires_gpu: nullish(v.boolean()),
  supports_cpu: nullish(v.boolean()),
  supports_gpu: nullish(v.boolean()),
  enabled: nullish(v.boolean()),
});
export type NodeOsImage = v.InferOutput<typeof NodeOsImageSchema>;

/** A node (teepod) with what it can still host. */
export const TeepodCapacitySchema = v.object({
  teepod_id: Int,
  name: v.string(),
  listed: v.boolean(),
  resource_score: FiniteNumber,
  remaining_vcpu: FiniteNumber,
  /** MB. */
  remaining_memory: FiniteNumber,
  remaining_cvm_slots: FiniteNumber,
  images: v.array(NodeOsImageSchema),
  support_onchain_kms: nullish(v.boolean()),
  fmspc: nullish(v.string()),
  device_id: nullish(v.string()),
  region_identifier: nullish(v.string()),
  /** Slug of the KMS used when a deployment names none. */
  default_kms: nullish(v.string()),
  /** Slugs of the KMS this node works with. */
  kms_list: v.optional(v.array(v.string()), []),
});
export type TeepodCapacity = v.InferOutput<typeof TeepodCapacitySchema>;

/** The workspace's limits; null means no limit. */
export const ResourceThresholdSchema = v.object({
  max_instances: nullish(FiniteNumber),
  max_vcpu: nullish(FiniteNumber),
  max_memory: nullish(FiniteNumber),
  max_disk: nullish(FiniteNumber),
});
export type ResourceThreshold = v.InferOutput<typeof ResourceThresholdSchema>;

export const GpuAvailabilitySchema = v.object({
  has_reserved_gpus: v.boolean(),
  reserved_gpu_count: Int,
  has_public_gpus: v.boolean(),
  public_gpu_count: Int,
});
export type GpuAvailability = v.InferOutput<typeof GpuAvailabilitySchema>;

/** `GET /teepods/available`. */
export const AvailableNodesSchema = v.object({
  tier: v.string(),
  capacity: ResourceThresholdSchema,
  nodes: v.array(TeepodCapacitySchema),
  kms_list: v.array(KmsInfoSchema),
  gpu_availability: nullish(GpuAvailabilitySchema),
});
export type AvailableNodes = v.InferOutput<typeof AvailableNodesSchema>;

export const InstanceTypeSchema = v.object({
  id: v.string(),
  name: v.string(),
  description: v.string(),
  vcpu: Int,
  memory_mb: Int,
  /** Decimal string, USD per hour. */
  hourly_rate: v.string(),
  requires_gpu: v.boolean(),
  requires_gpu_count: v.optional(v.pipe(Int, v.minValue(0)), 0),
  requires_gpu_product_id: nullish(v.string()),
  default_disk_size_gb: v.optional(Int, 20),
  family: v.nullable(v.string()),
});
export type InstanceType = v.InferOutput<typeof InstanceTypeSchema>;

export const FamilyGroupSchema = v.object({
  name: v.string(),
  items: v.array(InstanceTypeSchema),
  total: Int,
});
export type FamilyGroup = v.InferOutput<typeof FamilyGroupSchema>;

/** `GET /instance-types`: every public instance type, grouped by family. */
export const AllFamiliesResponseSchema = v.object({
  result: v.array(FamilyGroupSchema),
});
export type AllFamiliesResponse = v.InferOutput<typeof AllFamiliesResponseSchema>;

/** `GET /instance-types/{family}`. */
export const FamilyInstanceTypesResponseSchema = v.object({
  items: v.array(InstanceTypeSchema),
  total: Int,
  family: v.string(),
});
export type FamilyInstanceTypesResponse = v.InferOutput<typeof FamilyInstanceTypesResponseSchema>;

/** One OS image of the public catalogue. */
export const OsImageSchema = v.object({
  name: v.string(),
  slug: v.string(),
  /** Dotted, e.g. `0.5.3`. */
  version: v.string(),
  os_image_hash: nullish(v.string()),
  is_dev: v.boolean(),
  requires_gpu: v.boolean(),
});
export type OsImage = v.InferOutput<typeof OsImageSchema>;

/** `GET /os-images`: one page of the catalogue. */
export const GetOsImagesResponseSchema = v.object({
  items: v.array(OsImageSchema),
  total: Int,
  page: Int,
  page_size: Int,
  pages: Int,
});
export type GetOsImagesResponse = v.InferOutput<typeof GetOsImagesResponseSchema>;

/** The production or dev build of one OS version, as a CVM could move to it. */
export const OsImageVariantSchema = v.object({
  name: v.string(),
  slug: v.string(),
  os_image_hash: v.nullable(v.string()),
  requires_gpu: v.boolean(),
  /** The image the CVM runs now. */
  is_current: v.boolean(),
  enabled: v.boolean(),
});
export type OsImageVariant = v.InferOutput<typeof OsImageVariantSchema>;

/** One OS version a CVM can move to, with its production and dev builds. */
export const AvailableOsImageSchema = v.object({
  version: OsImageVersionSchema,
  prod: v.nullable(OsImageVariantSchema),
  dev: v.nullable(OsImageVariantSchema),
});
export type AvailableOsImage = v.InferOutput<typeof AvailableOsImageSchema>;

/** `GET /cvms/{id}/available-os-images`. */
export const GetAvailableOsImagesResponseSchema = v.array(AvailableOsImageSchema);
export type GetAvailableOsImagesResponse = v.InferOutput<typeof GetAvailableOsImagesResponseSchema>;
