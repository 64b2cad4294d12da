import * as z from "zod";
import { nullish, openEnum } from "../common";

export const WorkspaceBillingStatusSchema = openEnum(["active", "suspended", "abandoned"]);
export type WorkspaceBillingStatus = z.infer<typeof WorkspaceBillingStatusSchema>;

/** A workspace (team) the caller belongs to, with the caller's role in it. */
export const WorkspaceResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string().nullable(),
  avatar_url: nullish(z.string()),
  description: nullish(z.string()),
  tier: z.string(),
  role: z.string(),
  is_default: z.boolean(),
  created_at: z.string(),
  confidential_models_enabled: nullish(z.boolean()),
  /** A suspended workspace owes money; an abandoned one is closed and read-only. */
  billing_status: WorkspaceBillingStatusSchema.default("active"),
  /** Set only while `billing_status` is `suspended`. */
  suspended_at: nullish(z.string()),
});
export type WorkspaceResponse = z.infer<typeof WorkspaceResponseSchema>;

/** Cursor pagination: pass `next_cursor` back as `cursor` while `has_more`. */
export const PaginationMetadataSchema = z.object({
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
  total: z.number().int().nullable(),
});
export type PaginationMetadata = z.infer<typeof PaginationMetadataSchema>;

/** `GET /workspaces`. */
export const ListWorkspacesSchema = z.object({
  data: z.array(WorkspaceResponseSchema),
  pagination: PaginationMetadataSchema,
});
export type ListWorkspaces = z.infer<typeof ListWorkspacesSchema>;

/** A node the workspace can deploy to. */
export const WorkspaceNodeSchema = z.object({
  object_type: nullish(z.literal("node")),
  id: nullish(z.number().int()),
  name: nullish(z.string()),
  region: nullish(z.string()),
  device_id: nullish(z.string()),
  ppid: nullish(z.string()),
  status: nullish(z.string()),
  version: nullish(z.string()),
});
export type WorkspaceNode = z.infer<typeof WorkspaceNodeSchema>;

/** `GET /workspaces/{slug}/nodes`: one page of nodes. */
export const GetWorkspaceNodesSchema = z.object({
  items: z.array(WorkspaceNodeSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  pages: z.number().int(),
});
export type GetWorkspaceNodes = z.infer<typeof GetWorkspaceNodesSchema>;

/** A limit and what is left of it; `-1` as a limit means unlimited. */
export const QuotaMetricSchema = z.object({
  limit: z.number(),
  remaining: z.number(),
});
export type QuotaMetric = z.infer<typeof QuotaMetricSchema>;

export const WorkspaceQuotasSchema = z.object({
  vm_slots: QuotaMetricSchema,
  vcpu: QuotaMetricSchema,
  memory_mb: QuotaMetricSchema,
  disk_gb: QuotaMetricSchema,
});
export type WorkspaceQuotas = z.infer<typeof WorkspaceQuotasSchema>;

export const WorkspaceReservedGpuQuotaSchema = z.object({
  gpus: QuotaMetricSchema,
  in_use: z.number().int(),
  /** Reserved GPUs whose node is not set up to serve them. */
  misconfigured: z.number().int(),
});
export type WorkspaceReservedGpuQuota = z.infer<typeof WorkspaceReservedGpuQuotaSchema>;

/** `GET /workspaces/{slug}/quotas`. */
export const GetWorkspaceQuotasSchema = z.object({
  team_slug: z.string(),
  tier: z.string(),
  quotas: WorkspaceQuotasSchema,
  reserved_nodes: QuotaMetricSchema,
  reserved_gpu: WorkspaceReservedGpuQuotaSchema,
  /** When the figures were computed. */
  as_of: z.string(),
});
export type GetWorkspaceQuotas = z.infer<typeof GetWorkspaceQuotasSchema>;
