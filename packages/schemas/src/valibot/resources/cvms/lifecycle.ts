import * as v from "valibot";
import { nullish, openEnum } from "../../common";

/** Endpoints that answer 202/204 with no body resolve `undefined`. */
export const NoContentSchema = v.undefined();
export type NoContent = v.InferOutput<typeof NoContentSchema>;

export const CvmStatusOperationSchema = v.object({
  type: nullish(v.string()),
  phase: nullish(v.string()),
  started_at: nullish(v.string()),
  correlation_id: nullish(v.string()),
});
export type CvmStatusOperation = v.InferOutput<typeof CvmStatusOperationSchema>;

export const InstanceIdRefreshStatusSchema = openEnum([
  "updated",
  "unchanged",
  "skipped",
  "conflict",
  "error",
]);
export const InstanceIdSourceSchema = openEnum(["teepod_state", "teepod_info", "gateway", "none"]);
