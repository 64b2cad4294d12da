import * as z from "zod";
import { nullish, openEnum } from "../../common";

/** Endpoints that answer 202/204 with no body resolve `undefined`. */
export const NoContentSchema = z.undefined();
export type NoContent = z.infer<typeof NoContentSchema>;

export const CvmStatusOperationSchema = z.object({
  type: nullish(z.string()),
  phase: nullish(z.string()),
  started_at: nullish(z.string()),
  correlation_id: nullish(z.string()),
});
export type CvmStatusOperation = z.infer<typeof CvmStatusOperationSchema>;

export const InstanceIdRefreshStatusSchema = openEnum([
  "updated",
  "unchanged",
  "skipped",
  "conflict",
  "error",
]);
export const InstanceIdSourceSchema = openEnum(["teepod_state", "teepod_info", "gateway", "none"]);
