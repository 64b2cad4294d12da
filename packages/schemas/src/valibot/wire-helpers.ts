import * as v from "valibot";

// What the generated valibot schemas (./wire) need to accept exactly what their
// zod twins accept. Built once and shared.

/** zod's `.int()`: a safe integer. */
export const Int = /* @__PURE__ */ (() => v.pipe(v.number(), v.safeInteger()))();
/** zod's `z.number()`: no Infinity, no NaN. */
export const FiniteNumber = /* @__PURE__ */ (() => v.pipe(v.number(), v.finite()))();

/** zod's `z.record(z.string(), value)`: `v.record` alone would read `[x]` as `{ "0": x }`. */
export function objectRecord<const T extends v.GenericSchema>(value: T) {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === "object" && input !== null && !Array.isArray(input),
    ),
    v.record(v.string(), value),
  );
}

/**
 * A field the API may omit or send as null; either way it comes back `null`
 * (zod's `.nullable().default(null)`).
 */
export function nullOr<const T extends v.GenericSchema>(schema: T) {
  return v.optional(v.nullable(schema), null);
}
