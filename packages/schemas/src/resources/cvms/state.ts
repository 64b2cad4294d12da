import * as z from "zod";
import { nullish } from "../../common";

// The server-sent events of `GET /cvms/{id}/state` (Accept: text/event-stream).
// Their shape is the same in 2025-10-28 and 2026-01-21.

/** The data of a `state` event: where the CVM is now. */
export const CvmStateEventDataSchema = z.object({
  /** `running`, `stopped`, `starting`, ...; the API may add statuses. */
  status: z.string(),
  derived_status: nullish(z.string()),
  id: nullish(z.string()),
  name: nullish(z.string()),
  vm_uuid: nullish(z.string()),
  instance_id: nullish(z.string()),
  uptime: nullish(z.string()),
  exited_at: nullish(z.string()),
  boot_progress: nullish(z.string()),
  boot_error: nullish(z.string()),
  shutdown_progress: nullish(z.string()),
});
export type CvmStateEventData = z.infer<typeof CvmStateEventDataSchema>;

/** The data of a `complete` event: the target status was reached. */
export const CvmStateCompleteEventDataSchema = z.object({
  status: z.string(),
  target: z.string(),
  /** Seconds since the stream started. */
  elapsed: z.number(),
});
export type CvmStateCompleteEventData = z.infer<typeof CvmStateCompleteEventDataSchema>;

/** The data of a `timeout` event: the stream's timeout passed before the target status. */
export const CvmStateTimeoutEventDataSchema = z.object({
  error: z.string(),
  target: z.string(),
  elapsed: z.number(),
});
export type CvmStateTimeoutEventData = z.infer<typeof CvmStateTimeoutEventDataSchema>;

/** The data of an `error` event: the server gave up watching. */
export const CvmStateErrorEventDataSchema = z.object({
  error: z.string(),
  message: nullish(z.string()),
  elapsed: nullish(z.number()),
});
export type CvmStateErrorEventData = z.infer<typeof CvmStateErrorEventDataSchema>;

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
