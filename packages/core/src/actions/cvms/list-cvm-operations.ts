import { listCvmOperationsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import type { ValidationIssue } from "../../errors";
import { cvmPath } from "../internal/cvm-path";
import { DATE_TIME_FIELD, type DateTimeInput, withDateTimes } from "../internal/date-time";

export type ListCvmOperationsArgs = CvmIdInput & {
  /** Where to continue: the `next_cursor` of the page before. */
  cursor?: string;
  /** Operations per page, 1 to 500 (the API's default: 50). */
  limit?: number;
  /** Only operations started at or after this time. */
  start_time?: DateTimeInput;
  /** Only operations started at or before this time. */
  end_time?: DateTimeInput;
  /** Only operations of these types, e.g. `["stop", "restart"]` (a repeated query key). */
  operation_types?: string[];
};

const NAME = "listCvmOperations";
const LIMIT_MAX = 500;

/**
 * One page of the operations run on a CVM, newest first:
 * `GET /cvms/{id}/operations?cursor&limit`, with the filters `start_time`,
 * `end_time` and `operation_types`. Resolves `{ items, next_cursor, total }`;
 * pass `next_cursor` back as `cursor` for the next page while it is not null,
 * or let `paginate(listCvmOperations, client, { id })` do it.
 */
export const listCvmOperations = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: listCvmOperationsResponseSchemas,
  plan: (args: ListCvmOperationsArgs) => {
    const path = cvmPath(NAME, args, "/operations");
    const issues: ValidationIssue[] = [];
    const { start_time, end_time } = args;
    if (
      start_time !== undefined &&
      end_time !== undefined &&
      new Date(start_time).getTime() > new Date(end_time).getTime()
    ) {
      issues.push({ path: "end_time", message: "expected end_time at or after start_time" });
    }
    const query = checkArgs(
      NAME,
      withDateTimes(args, ["start_time", "end_time"]),
      {
        cursor: "nonEmptyString",
        limit: { kind: "int", min: 1, max: LIMIT_MAX },
        start_time: DATE_TIME_FIELD,
        end_time: DATE_TIME_FIELD,
        operation_types: {
          kind: "stringList",
          refine: (types: string[]) =>
            types.some((type) => type.trim() === "") ? "expected non-empty strings" : undefined,
        },
      },
      { pathKeys: CVM_ID_KEYS, issues },
      "query arguments",
    ) as Record<string, string | number | string[]>;
    return { method: "GET", path, query };
  },
});

export const safeListCvmOperations = /* @__PURE__ */ safe(listCvmOperations);
