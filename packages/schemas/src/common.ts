import * as z from "zod";

/**
 * A string enum that stays open: the API may add values within a version, and a
 * value this SDK does not know yet must not fail a response. The type still lists
 * the known values, so editors complete them.
 */
export type OpenEnum<T extends string> = T | (string & {});

export function openEnum<const T extends readonly [string, ...string[]]>(
  _known: T,
): z.ZodType<OpenEnum<T[number]>> {
  return z.string() as z.ZodType<OpenEnum<T[number]>>;
}

/** A field the API may omit or send as null. */
export function nullish<T extends z.ZodType>(schema: T) {
  return schema.nullable().optional();
}

export const KmsTypeSchema = openEnum(["phala", "ethereum", "base", "legacy"]);
export type KmsType = z.infer<typeof KmsTypeSchema>;

export const BillingPeriodSchema = openEnum(["skip", "hourly", "monthly"]);
export type BillingPeriod = z.infer<typeof BillingPeriodSchema>;

/** An app and an instance URL; both versions publish endpoints in this shape. */
export const CvmNetworkUrlsSchema = z.object({
  app: z.string(),
  instance: z.string(),
});
export type CvmNetworkUrls = z.infer<typeof CvmNetworkUrlsSchema>;

export const AppProfileSchema = z.object({
  display_name: nullish(z.string()),
  avatar_url: nullish(z.string()),
  description: nullish(z.string()),
  custom_domain: nullish(z.string()),
});
export type AppProfile = z.infer<typeof AppProfileSchema>;
