import type * as z from "zod";
import { openEnum } from "../common";

export const WorkspaceBillingStatusSchema = openEnum(["active", "suspended", "abandoned"]);
export type WorkspaceBillingStatus = z.infer<typeof WorkspaceBillingStatusSchema>;
