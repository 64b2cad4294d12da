import * as v from "valibot";
import { nullish, openEnum } from "../common";

/** zod's `.int()`: a safe integer. */
const Int = v.pipe(v.number(), v.safeInteger());
/** zod's `z.number()`: no Infinity, no NaN. */
const FiniteNumber = v.pipe(v.number(), v.finite());

export const WorkspaceBillingStatusSchema = openEnum(["active", "suspended", "abandoned"]);
export type WorkspaceBillingStatus = v.InferOutput<typeof WorkspaceBillingStatusSchema>;

/** A workspace (team) the caller belongs to, with the caller's role in it. */
export const WorkspaceResponseSchema = v.object({
  id: v.string(),
  name: v.string(),
  slug: v.nullable(v.string()),
  avatar_url: nullish(v.string()),
  description: nullish(v.string()),
  tier: v.string(),
  role: v.string(),
  is_default: v.boolean(),
  created_at: v.string(),
  confidential_models_enabled: nullish(v.boolean()),
  /** A suspended workspace owes money; an abandoned one is closed and read-only. */
  billing_status: v.optional(WorkspaceBillingStatusSchema, "active"),
  /** Set only while `billing_status` is `suspended`. */
  suspended_at: nullish(v.string()),
});
export type WorkspaceResponse = v.InferOutput<typeof WorkspaceResponseSchema>;

/** Cursor pagination: pass `next_cursor` back as `cursor` while `has_more`. */
export const PaginationMetadataSchema = v.object({
  has_more: v.boolean(),
  next_cursor: v.nullable(v.string()),
  total: v.nullable(Int),
});
export type PaginationMetadata = v.InferOutput<typeof PaginationMetadataSchema>;

/** `GET /workspaces`. */
export const ListWorkspacesSchema = v.object({
  data: v.array(WorkspaceResponseSchema),
  pagination: PaginationMetadataSchema,
});
export type ListWorkspaces = v.InferOutput<typeof ListWorkspacesSchema>;

/** A node the workspace can deploy to. */
export const WorkspaceNodeSchema = v.object({
  object_type: nullish(v.literal("node")),
  id: nullish(Int),
  name: nullish(v.string()),
  region: nullish(v.string()),
  device_id: nullish(v.string()),
  ppid: nullish(v.string()),
  status: nullish(v.string()),
  version: nullish(v.string()),
});
export type WorkspaceNode = v.InferOutput<typeof WorkspaceNodeSchema>;

/** `GET /workspaces/{slug}/nodes`: one page of nodes. */
export const GetWorkspaceNodesSchema = v.object({
  items: v.array(WorkspaceNodeSchema),
  total: Int,
  page: Int,
  page_size: Int,
  pages: Int,
});
export type GetWorkspaceNodes = v.InferOutput<typeof GetWorkspaceNodesSchema>;

/** A limit and what is left of it; `-1` as a limit means unlimited. */
export const QuotaMetricSchema = v.object({
  limit: FiniteNumber,
  remaining: FiniteNumber,
});
export type QuotaMetric = v.InferOutput<typeof QuotaMetricSchema>;

export const WorkspaceQuotasSchema = v.object({
  vm_slots: QuotaMetricSchema,
  vcpu: QuotaMetricSchema,
  memory_mb: QuotaMetricSchema,
  disk_gb: QuotaMetricSchema,
});
export type WorkspaceQuotas = v.InferOutput<typeof WorkspaceQuotasSchema>;

export const WorkspaceReservedGpuQuotaSchema = v.object({
  gpus: QuotaMetricSchema,
  in_use: Int,
  /** Reserved GPUs whose node is not set up to serve them. */
  misconfigured: Int,
});
export type WorkspaceReservedGpuQuota = v.InferOutput<typeof WorkspaceReservedGpuQuotaSchema>;

/** `GET /workspaces/{slug}/quotas`. */
export const GetWorkspaceQuotasSchema = v.object({
  team_slug: v.string(),
  tier: v.string(),
  quotas: WorkspaceQuotasSchema,
  reserved_nodes: QuotaMetricSchema,
  reserved_gpu: WorkspaceReservedGpuQuotaSchema,
  /** When the figures were computed. */
  as_of: v.string(),
});
export type GetWorkspaceQuotas = v.InferOutput<typeof GetWorkspaceQuotasSchema>;
