// PATCH /cvms/{cvm_id}/listed and /scheduled-delete: whether a CVM is listed
// publicly, and when it deletes itself. Both answer the VM record.
import type { Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { validationError } from "../../internal/errors";
import { respond } from "../../internal/respond";
import { cvmOf, renderVm } from "./shared";

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A `scheduled_delete_at` of a body: null (no scheduled delete) or a future
 * date-time, as ISO; the API's 422 otherwise.
 */
export function readScheduledDeleteAt(value: unknown, now: Date): string | null {
  if (value === undefined || value === null) return null;
  const loc = ["body", "scheduled_delete_at"];
  const ms = typeof value === "string" && DATE_TIME.test(value.trim()) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw validationError([
      {
        type: "datetime_from_date_parsing",
        loc,
        msg: "Input should be a valid datetime or date, invalid character in year",
        input: value,
      },
    ]);
  }
  if (ms <= now.getTime()) {
    throw validationError([
      {
        type: "value_error",
        loc,
        msg: "Value error, scheduled_delete_at must be in the future",
        input: value,
      },
    ]);
  }
  return new Date(ms).toISOString();
}

export function registerMetadataRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.patch("/cvms/:cvm_id/listed", requireApiKey, async (c) => {
    const { now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const listed = body.bool("listed");
    if (listed === undefined && body.body.listed === undefined) body.string("listed", true);
    body.assertValid();
    const cvm = cvmOf(c);
    cvm.listed = listed as boolean;
    cvm.updatedAt = now.toISOString();
    return respond(c, "updateCvmListed", renderVm(c, cvm));
  });

  api.patch("/cvms/:cvm_id/scheduled-delete", requireApiKey, async (c) => {
    const { now } = c.get("render");
    // The body is optional: none (or `{}`) cancels the scheduled delete.
    const body = await readJsonObject(c.req, "empty-object");
    const at = readScheduledDeleteAt(body.scheduled_delete_at, now);
    const cvm = cvmOf(c);
    cvm.scheduledDeleteAt = at;
    cvm.updatedAt = now.toISOString();
    return respond(c, "scheduleCvmDelete", renderVm(c, cvm));
  });
}
