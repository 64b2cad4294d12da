import * as v from "valibot";
import { AppProfileSchema, nullish } from "../common";
import { precompile } from "../precompile";
import { MachineInfoV20251028Schema } from "./cvm";

// Each schema is built in a function marked pure: a bundle that imports one
// schema of this file then drops the others (esbuild does not carry valibot's
// own `@__NO_SIDE_EFFECTS__` marks across modules).

/** zod's `.int()`: a safe integer. */
const Int = /* @__PURE__ */ (() => v.pipe(v.number(), v.safeInteger()))();

/** A CVM as embedded in an app in 2025-10-28 (and `GET /apps/{app_id}/cvms`). */
export const CvmBasicInfoV20251028Schema = /* @__PURE__ */ (() =>
  v.object({
    vm_uuid: v.nullable(v.string()),
    app_id: v.string(),
    name: v.optional(v.string(), ""),
    status: v.string(),
    vcpu: Int,
    memory: Int,
    disk_size: Int,
    teepod_id: Int,
    teepod_name: v.string(),
    region_identifier: nullish(v.string()),
    kms_type: nullish(v.string()),
    instance_type: nullish(v.string()),
    listed: nullish(v.boolean()),
    base_image: nullish(v.string()),
    kms_slug: nullish(v.string()),
    /** @deprecated names a KMS node, not the on-chain KMS contract: use `kms_contract_id`. */
    kms_id: nullish(v.string()),
    kms_contract_id: nullish(v.string()),
    instance_id: nullish(v.string()),
    machine_info: nullish(MachineInfoV20251028Schema),
    updated_at: nullish(v.string()),
  }))();
export type CvmBasicInfoV20251028 = v.InferOutput<typeof CvmBasicInfoV20251028Schema>;

export const DstackAppWithCvmResponseV20251028Schema = /* @__PURE__ */ (() =>
  v.object({
    id: v.string(),
    name: v.string(),
    app_id: v.string(),
    app_provision_type: nullish(v.string()),
    app_icon_url: nullish(v.string()),
    created_at: v.string(),
    kms_type: v.string(),
    profile: nullish(AppProfileSchema),
    current_cvm: nullish(CvmBasicInfoV20251028Schema),
    cvms: v.optional(v.array(CvmBasicInfoV20251028Schema), []),
    cvm_count: v.optional(Int, 0),
  }))();
export type DstackAppWithCvmResponseV20251028 = v.InferOutput<
  typeof DstackAppWithCvmResponseV20251028Schema
>;

const AppPageV20251028 = /* @__PURE__ */ (() =>
  v.object({
    dstack_apps: v.array(DstackAppWithCvmResponseV20251028Schema),
    page: Int,
    page_size: Int,
    total: Int,
    total_pages: Int,
  }))();
/**
 * A page of apps, each with its CVMs, precompiled (../precompile.ts). The plain
 * schema is declared apart: a bundle without this endpoint then drops both.
 */
export const DstackAppListResponseV20251028Schema = /* @__PURE__ */ precompile(AppPageV20251028);
export type DstackAppListResponseV20251028 = v.InferOutput<
  typeof DstackAppListResponseV20251028Schema
>;
