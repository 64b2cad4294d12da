import * as v from "valibot";
import { CvmNetworkUrlsSchema, nullish } from "../common";
import { precompile } from "../precompile";

// Each schema is built in a function marked pure: a bundle that imports one
// schema of this file then drops the others (esbuild does not carry valibot's
// own `@__NO_SIDE_EFFECTS__` marks across modules).

/** zod's `z.number()`: no Infinity, no NaN. */
const FiniteNumber = /* @__PURE__ */ (() => v.pipe(v.number(), v.finite()))();

const TableIdSchema = /* @__PURE__ */ (() => v.union([FiniteNumber, v.string()]))();

export const KmsInfoV20251028Schema = /* @__PURE__ */ (() =>
  v.object({
    id: v.string(),
    slug: v.nullable(v.string()),
    url: v.string(),
    version: v.string(),
    chain_id: v.nullable(FiniteNumber),
    kms_contract_address: v.nullable(v.string()),
    gateway_app_id: v.nullable(v.string()),
    k256_pubkey: nullish(v.string()),
  }))();
export type KmsInfoV20251028 = v.InferOutput<typeof KmsInfoV20251028Schema>;

export const VmInfoV20251028Schema = /* @__PURE__ */ (() =>
  v.object({
    id: v.string(),
    name: v.string(),
    status: v.string(),
    uptime: v.string(),
    app_url: v.nullable(v.string()),
    app_id: v.string(),
    instance_id: v.nullable(v.string()),
    configuration: v.optional(v.unknown()),
    exited_at: v.nullable(v.string()),
    boot_progress: v.nullable(v.string()),
    boot_error: v.nullable(v.string()),
    shutdown_progress: v.nullable(v.string()),
    image_version: v.nullable(v.string()),
  }))();
export type VmInfoV20251028 = v.InferOutput<typeof VmInfoV20251028Schema>;

export const ManagedUserV20251028Schema = /* @__PURE__ */ (() =>
  v.object({
    id: TableIdSchema,
    username: v.string(),
  }))();
export type ManagedUserV20251028 = v.InferOutput<typeof ManagedUserV20251028Schema>;

export const CvmNodeV20251028Schema = /* @__PURE__ */ (() =>
  v.object({
    id: FiniteNumber,
    name: v.string(),
    region_identifier: nullish(v.string()),
  }))();
export type CvmNodeV20251028 = v.InferOutput<typeof CvmNodeV20251028Schema>;

export const MachineInfoV20251028Schema = /* @__PURE__ */ (() =>
  v.object({
    vcpu: FiniteNumber,
    memory: FiniteNumber,
    disk_size: FiniteNumber,
    gpu_count: v.optional(FiniteNumber, 0),
  }))();
export type MachineInfoV20251028 = v.InferOutput<typeof MachineInfoV20251028Schema>;

/** One CVM of `GET /cvms/paginated` in 2025-10-28: flat sizes, `hosted` VM, `node`. */
export const CvmInfoV20251028Schema = /* @__PURE__ */ (() =>
  v.object({
    hosted: VmInfoV20251028Schema,
    name: v.string(),
    managed_user: v.nullable(ManagedUserV20251028Schema),
    node: v.nullable(CvmNodeV20251028Schema),
    listed: v.optional(v.boolean(), false),
    status: v.string(),
    in_progress: v.optional(v.boolean(), false),
    dapp_dashboard_url: v.nullable(v.string()),
    syslog_endpoint: v.nullable(v.string()),
    allow_upgrade: v.optional(v.boolean(), false),
    project_id: v.nullable(v.string()),
    project_type: v.nullable(v.string()),
    billing_period: v.nullable(v.string()),
    kms_info: v.nullable(KmsInfoV20251028Schema),
    vcpu: v.nullable(FiniteNumber),
    /** Memory in MB. */
    memory: v.nullable(FiniteNumber),
    /** Disk in GB. */
    disk_size: v.nullable(FiniteNumber),
    gateway_domain: v.nullable(v.string()),
    public_urls: v.array(CvmNetworkUrlsSchema),
    machine_info: nullish(MachineInfoV20251028Schema),
    updated_at: nullish(v.string()),
  }))();
export type CvmInfoV20251028 = v.InferOutput<typeof CvmInfoV20251028Schema>;

/** `GET /cvms/{id}` in 2025-10-28. */
export const CvmDetailV20251028Schema = /* @__PURE__ */ (() =>
  v.object({
    id: TableIdSchema,
    name: v.string(),
    status: v.string(),
    in_progress: v.optional(v.boolean(), false),
    teepod_id: v.nullable(FiniteNumber),
    teepod: nullish(CvmNodeV20251028Schema),
    app_id: v.string(),
    vm_uuid: v.nullable(v.string()),
    instance_id: v.nullable(v.string()),
    vcpu: FiniteNumber,
    /** Memory in MB. */
    memory: FiniteNumber,
    /** Disk in GB. */
    disk_size: FiniteNumber,
    base_image: v.nullable(v.string()),
    encrypted_env_pubkey: v.nullable(v.string()),
    listed: v.optional(v.boolean(), false),
    project_id: nullish(v.string()),
    project_type: nullish(v.string()),
    instance_type: nullish(v.string()),
    public_sysinfo: v.optional(v.boolean(), false),
    public_logs: v.optional(v.boolean(), false),
    dapp_dashboard_url: nullish(v.string()),
    syslog_endpoint: nullish(v.string()),
    kms_info: nullish(KmsInfoV20251028Schema),
    contract_address: nullish(v.string()),
    deployer_address: nullish(v.string()),
    scheduled_delete_at: nullish(v.string()),
    public_urls: v.optional(v.array(CvmNetworkUrlsSchema), []),
    gateway_domain: nullish(v.string()),
    machine_info: nullish(MachineInfoV20251028Schema),
    updated_at: nullish(v.string()),
  }))();
export type CvmDetailV20251028 = v.InferOutput<typeof CvmDetailV20251028Schema>;

const CvmPageV20251028 = /* @__PURE__ */ (() =>
  v.object({
    items: v.array(CvmInfoV20251028Schema),
    total: FiniteNumber,
    page: FiniteNumber,
    page_size: FiniteNumber,
    pages: FiniteNumber,
  }))();
/**
 * A page of up to 1,000 CVMs, precompiled (../precompile.ts). The plain schema
 * is declared apart: a bundle without this endpoint then drops both.
 */
export const PaginatedCvmInfosV20251028Schema = /* @__PURE__ */ precompile(CvmPageV20251028);
export type PaginatedCvmInfosV20251028 = v.InferOutput<typeof PaginatedCvmInfosV20251028Schema>;
