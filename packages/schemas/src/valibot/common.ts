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

/**
 * A field of a response the API may omit or send as null: either way it comes
 * back `null`, so its type is `T | null` (as the generated wire schemas do).
 */
export function nullish<T extends v.GenericSchema>(schema: T) {
  return v.optional(v.nullable(schema), null);
}
