import * as v from "valibot";
import { AppProfileSchema, nullish } from "../common";
import { precompile } from "../precompile";
import { CvmInfoV20260121Schema } from "./cvm";

// Each schema is built in a function marked pure: a bundle that imports one
// schema of this file then drops the others (esbuild does not carry valibot's
// own `@__NO_SIDE_EFFECTS__` marks across modules).

/** zod's `.int()`: a safe integer. */
const Int = /* @__PURE__ */ (() => v.pipe(v.number(), v.safeInteger()))();

export const DstackAppFullResponseV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    id: v.string(),
    name: v.string(),
    app_id: v.string(),
    app_provision_type: nullish(v.string()),
    app_icon_url: nullish(v.string()),
    created_at: v.string(),
    kms_type: v.string(),
    profile: nullish(AppProfileSchema),
    current_cvm: nullish(CvmInfoV20260121Schema),
    cvms: v.optional(v.array(CvmInfoV20260121Schema), []),
    cvm_count: v.optional(Int, 0),
  }))();
export type DstackAppFullResponseV20260121 = v.InferOutput<
  typeof DstackAppFullResponseV20260121Schema
>;

/** An app the caller may only see by id (another workspace's app): every other field null. */
export const DstackAppMinimalResponseV20260121Schema = /* @__PURE__ */ (() =>
  v.object({
    app_id: v.string(),
    id: nullish(v.null()),
    name: nullish(v.null()),
    app_provision_type: nullish(v.null()),
    app_icon_url: nullish(v.null()),
    created_at: nullish(v.null()),
    kms_type: nullish(v.null()),
    profile: nullish(v.null()),
    current_cvm: nullish(v.null()),
    cvms: nullish(v.null()),
    cvm_count: nullish(v.null()),
  }))();
export type DstackAppMinimalResponseV20260121 = v.InferOutput<
  typeof DstackAppMinimalResponseV20260121Schema
>;

export const DstackAppWithCvmResponseV20260121Schema = /* @__PURE__ */ (() =>
  v.union([DstackAppFullResponseV20260121Schema, DstackAppMinimalResponseV20260121Schema]))();
export type DstackAppWithCvmResponseV20260121 = v.InferOutput<
  typeof DstackAppWithCvmResponseV20260121Schema
>;

const AppPageV20260121 = /* @__PURE__ */ (() =>
  v.object({
    dstack_apps: v.array(DstackAppWithCvmResponseV20260121Schema),
    page: Int,
    page_size: Int,
    total: Int,
    total_pages: Int,
  }))();
/**
 * A page of apps, each with its CVMs, precompiled (../precompile.ts). The plain
 * schema is declared apart: a bundle without this endpoint then drops both.
 */
export const DstackAppListResponseV20260121Schema = /* @__PURE__ */ precompile(AppPageV20260121);
export type DstackAppListResponseV20260121 = v.InferOutput<
  typeof DstackAppListResponseV20260121Schema
>;
