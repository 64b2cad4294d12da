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

/**
 * A field of a response the API may omit or send as null: either way it comes
 * back `null`, so its type is `T | null` (as the generated wire schemas do).
 */
export function nullish<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}
