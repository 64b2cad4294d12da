import * as v from "valibot";
import { BillingPeriodSchema, CvmNetworkUrlsSchema, KmsTypeSchema, nullish } from "../common";
import { precompile } from "../precompile";

// Each schema is built in a function marked pure: a bundle that imports one
// schema of this file then drops the others (esbuild does not carry valibot's
// own `@__NO_SIDE_EFFECTS__` marks across modules).

/** zod's `.int()`: a safe integer. */
const Int = /* @__PURE__ */ (() => v.pipe(v.number(), v.safeInteger()))();
/** zod's `z.number()`: no Infinity, no NaN. */
const FiniteNumber = /* @__PURE__ */ (() => v.pipe(v.number(), v.finite()))();

export const UserRefSchema = /* @__PURE__ */ (() =>
  v.object({
    object_type: v.literal("user"),
    id: nullish(v.string()),
    username: nullish(v.string()),
    avatar_url: nullish(v.string()),
  }))();
export type UserRef = v.InferOutput<typeof UserRefSchema>;

export const WorkspaceRefSchema = /* @__PURE__ */ (() =>
  v.object({
    object_type: v.literal("workspace"),
    id: v.string(),
    name: v.string(),
    slug: nullish(v.string()),
    avatar_url: nullish(v.string()),
  }))();
export type WorkspaceRef = v.InferOutput<typeof WorkspaceRefSchema>;

export const NodeRefSchema = /* @__PURE__ */ (() =>
  v.object({
    object_type: v.literal("node"),
    id: nullish(Int),
    name: nullish(v.string()),
    region: nullish(v.string()),
    device_id: nullish(v.string()),
    ppid: nullish(v.string()),
    status: nullish(v.string()),
    version: nullish(v.string()),
  }))();
export type NodeRef = v.InferOutput<typeof NodeRefSchema>;

export const CvmResourceInfoV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    instance_type: nullish(v.string()),
    vcpu: nullish(Int),
    memory_in_gb: nullish(FiniteNumber),
    disk_in_gb: nullish(Int),
    gpus: nullish(Int),
    compute_billing_price: nullish(v.string()),
    billing_period: nullish(BillingPeriodSchema),
  }))();
export type CvmResourceInfoV20260121 = v.InferOutput<typeof CvmResourceInfoV20260121Schema>;

export const CvmOsInfoV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    name: nullish(v.string()),
    version: nullish(v.string()),
    is_dev: nullish(v.boolean()),
    os_image_hash: nullish(v.string()),
  }))();
export type CvmOsInfoV20260121 = v.InferOutput<typeof CvmOsInfoV20260121Schema>;

export const CvmKmsInfoV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    chain_id: nullish(Int),
    dstack_kms_address: nullish(v.string()),
    dstack_app_address: nullish(v.string()),
    deployer_address: nullish(v.string()),
    rpc_endpoint: nullish(v.string()),
    encrypted_env_pubkey: nullish(v.string()),
  }))();
export type CvmKmsInfoV20260121 = v.InferOutput<typeof CvmKmsInfoV20260121Schema>;

export const CvmProgressInfoV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    target: nullish(v.string()),
    started_at: nullish(v.string()),
    correlation_id: nullish(v.string()),
  }))();
export type CvmProgressInfoV20260121 = v.InferOutput<typeof CvmProgressInfoV20260121Schema>;

export const CvmGatewayInfoV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    base_domain: nullish(v.string()),
    cname: nullish(v.string()),
  }))();
export type CvmGatewayInfoV20260121 = v.InferOutput<typeof CvmGatewayInfoV20260121Schema>;

export const CvmLogUrlsV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    serial: nullish(v.string()),
    stdout: nullish(v.string()),
    stderr: nullish(v.string()),
    container_log_base: nullish(v.string()),
  }))();
export type CvmLogUrlsV20260121 = v.InferOutput<typeof CvmLogUrlsV20260121Schema>;

/** One CVM in 2026-01-21: nested resource, node, OS, KMS, gateway, workspace and creator. */
export const CvmInfoV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    /** Hashed CVM id. */
    id: v.string(),
    name: v.string(),
    app_id: nullish(v.string()),
    vm_uuid: nullish(v.string()),
    instance_id: nullish(v.string()),
    resource: CvmResourceInfoV20260121Schema,
    node_info: nullish(NodeRefSchema),
    os: nullish(CvmOsInfoV20260121Schema),
    kms_type: nullish(KmsTypeSchema),
    kms_info: nullish(CvmKmsInfoV20260121Schema),
    status: v.string(),
    in_progress: v.optional(v.boolean(), false),
    progress: nullish(CvmProgressInfoV20260121Schema),
    compose_hash: nullish(v.string()),
    docker_compose_hash: nullish(v.string()),
    pre_launch_script_hash: nullish(v.string()),
    gateway: CvmGatewayInfoV20260121Schema,
    logs: nullish(CvmLogUrlsV20260121Schema),
    services: v.optional(v.array(v.record(v.string(), v.unknown())), []),
    endpoints: nullish(v.array(CvmNetworkUrlsSchema)),
    public_logs: nullish(v.boolean()),
    public_sysinfo: nullish(v.boolean()),
    public_tcbinfo: nullish(v.boolean()),
    gateway_enabled: nullish(v.boolean()),
    secure_time: nullish(v.boolean()),
    listed: v.optional(v.boolean(), false),
    storage_fs: nullish(v.string()),
    workspace: nullish(WorkspaceRefSchema),
    creator: nullish(UserRefSchema),
    created_at: nullish(v.string()),
    updated_at: nullish(v.string()),
    deleted_at: nullish(v.string()),
    project_type: nullish(v.string()),
    app_url: nullish(v.string()),
    base_image: nullish(v.string()),
    features: nullish(v.array(v.string())),
    runner: nullish(v.string()),
    manifest_version: nullish(v.string()),
  }))();
export type CvmInfoV20260121 = v.InferOutput<typeof CvmInfoV20260121Schema>;

/** `GET /cvms/{id}` in 2026-01-21: the list shape plus the compose file. */
export const CvmInfoDetailV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    ...CvmInfoV20260121Schema.entries,
    compose_file: nullish(v.union([v.record(v.string(), v.unknown()), v.string()])),
  }))();
export type CvmInfoDetailV20260121 = v.InferOutput<typeof CvmInfoDetailV20260121Schema>;

const CvmPageV20260121 = /* @__PURE__ */ (() =>
  v.object({
    items: v.array(CvmInfoV20260121Schema),
    total: FiniteNumber,
    page: FiniteNumber,
    page_size: FiniteNumber,
    pages: FiniteNumber,
  }))();
/**
 * A page of up to 1,000 CVMs, precompiled (../precompile.ts). The plain schema
 * is declared apart: a bundle without this endpoint then drops both.
 */
export const PaginatedCvmInfosV20260121Schema = /* @__PURE__ */ precompile(CvmPageV20260121);
export type PaginatedCvmInfosV20260121 = v.InferOutput<typeof PaginatedCvmInfosV20260121Schema>;
