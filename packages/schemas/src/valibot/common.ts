import * as v from "valibot";
import type { OpenEnum } from "../common";

export type { OpenEnum } from "../common";

/**
 * A string enum that stays open: the API may add values within a version, and a
 * value this SDK does not know yet must not fail a response. The type still lists
 * the known values, so editors complete them.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(
  _known: T,
): v.GenericSchema<OpenEnum<T[number]>> {
  return v.string() as v.GenericSchema<OpenEnum<T[number]>>;
}

/** A field the API may omit or send as null (in `v.object`, the key is optional). */
export function nullish<T extends v.GenericSchema>(schema: T) {
  return v.nullish(schema);
}

// Built in functions marked pure, like the version folders' schemas: a bundle
// keeps only the ones it reaches.
export const KmsTypeSchema = /* @__PURE__ */ (() =>
  openEnum(["phala", "ethereum", "base", "legacy"]))();
export type KmsType = v.InferOutput<typeof KmsTypeSchema>;

export const BillingPeriodSchema = /* @__PURE__ */ (() =>
  openEnum(["skip", "hourly", "monthly"]))();
export type BillingPeriod = v.InferOutput<typeof BillingPeriodSchema>;

/** An app and an instance URL; both versions publish endpoints in this shape. */
export const CvmNetworkUrlsSchema = /* @__PURE__ */ (() =>
  v.object({
    app: v.string(),
    instance: v.string(),
  }))();
export type CvmNetworkUrls = v.InferOutput<typeof CvmNetworkUrlsSchema>;

export const AppProfileSchema = /* @__PURE__ */ (() =>
  v.object({
    display_name: nullish(v.string()),
    avatar_url: nullish(v.string()),
    description: nullish(v.string()),
    custom_domain: nullish(v.string()),
  }))();
export type AppProfile = v.InferOutput<typeof AppProfileSchema>;
