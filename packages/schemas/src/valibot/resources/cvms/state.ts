import * as v from "valibot";
import { nullish } from "../../common";

// The server-sent events of `GET /cvms/{id}/state` (Accept: text/event-stream).
// Their shape is the same in 2025-10-28 and 2026-01-21.

// zod's `z.number()` rejects Infinity; valibot's `v.number()` only rejects NaN.
const FiniteNumber = v.pipe(v.number(), v.finite());

/** The data of a `state` event: where the CVM is now. */
export const CvmStateEventDataSchema = v.object({
  /** `running`, `stopped`, `starting`, ...; the API may add statuses. */
  status: v.string(),
  derived_status: nullish(v.string()),
  id: nullish(v.string()),
  name: nullish(v.string()),
  vm_uuid: nullish(v.string()),
  instance_id: nullish(v.string()),
  uptime: nullish(v.string()),
  exited_at: nullish(v.string()),
  boot_progress: nullish(v.string()),
  boot_error: nullish(v.string()),
  shutdown_progress: nullish(v.string()),
});
export type CvmStateEventData = v.InferOutput<typeof CvmStateEventDataSchema>;

/** The data of a `complete` event: the target status was reached. */
export const CvmStateCompleteEventDataSchema = v.object({
  status: v.string(),
  target: v.string(),
  /** Seconds since the stream started. */
  elapsed: FiniteNumber,
});
export type CvmStateCompleteEventData = v.InferOutput<typeof CvmStateCompleteEventDataSchema>;

/** The data of a `timeout` event: the stream's timeout passed before the target status. */
export const CvmStateTimeoutEventDataSchema = v.object({
  error: v.string(),
  target: v.string(),
  elapsed: FiniteNumber,
});
export type CvmStateTimeoutEventData = v.InferOutput<typeof CvmStateTimeoutEventDataSchema>;

/** The data of an `error` event: the server gave up watching. */
export const CvmStateErrorEventDataSchema = v.object({
  error: v.string(),
  message: nullish(v.string()),
  elapsed: nullish(FiniteNumber),
});
export type CvmStateErrorEventData = v.InferOutput<typeof CvmStateErrorEventDataSchema>;

/** Each event name of the stream and the schema of its data. */
export const cvmStateEventDataSchemas = {
  state: CvmStateEventDataSchema,
  complete: CvmStateCompleteEventDataSchema,
  timeout: CvmStateTimeoutEventDataSchema,
  error: CvmStateErrorEventDataSchema,
} as const;

/** One validated event of the stream, named by its SSE `event:` field. */
export type CvmStateStreamEvent =
  | { type: "state"; data: CvmStateEventData }
  | { type: "complete"; data: CvmStateCompleteEventData }
  | { type: "timeout"; data: CvmStateTimeoutEventData }
  | { type: "error"; data: CvmStateErrorEventData };
