import * as v from "valibot";
import { openEnum } from "../common";

/** zod's `.int()`: a safe integer. */
const _Int = v.pipe(v.number(), v.safeInteger());
/** zod's `z.number()`: no Infinity, no NaN. */
const _FiniteNumber = v.pipe(v.number(), v.finite());

export const WorkspaceBillingStatusSchema = openEnum(["active", "suspended", "abandoned"]);
export type WorkspaceBillingStatus = v.InferOutput<typeof WorkspaceBillingStatusSchema>;
