import { isRecord } from "../../errors";

/** A date-time argument: a `Date`, or an ISO 8601 string (`2026-05-01T12:00:00Z`). */
export type DateTimeInput = string | Date;

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A `Date` as the ISO string the API reads (an invalid one as a string the check refuses). */
function dateTimeArg(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
}

/**
 * The arguments with the date-time ones among `keys` ready for their check
 * (`DATE_TIME_FIELD`): a `Date` as its ISO string, `null` left out (the caller
 * sends it itself where the API takes it). Anything that is not an object is
 * returned as given, for the check to refuse.
 */
export function withDateTimes(args: unknown, keys: readonly string[]): unknown {
  if (!isRecord(args)) return args;
  const out: Record<string, unknown> = { ...args };
  for (const key of keys) out[key] = out[key] === null ? undefined : dateTimeArg(out[key]);
  return out;
}

/** The field rule of a date-time argument passed through `withDateTimes`. */
export const DATE_TIME_FIELD = {
  kind: "string",
  refine: (value: string) =>
    ISO_DATE_TIME.test(value.trim()) && !Number.isNaN(Date.parse(value))
      ? undefined
      : "expected a date-time: a Date, or an ISO 8601 string such as 2026-05-01T12:00:00Z",
} as const;
