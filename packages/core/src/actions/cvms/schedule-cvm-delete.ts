import { scheduleCvmDeleteResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";
import { DATE_TIME_FIELD, type DateTimeInput, withDateTimes } from "../internal/date-time";

export type ScheduleCvmDeleteArgs = CvmIdInput & {
  /** When the CVM is deleted: a future time; `null` cancels a scheduled delete. */
  scheduled_delete_at: DateTimeInput | null;
};

const NAME = "scheduleCvmDelete";

/**
 * Deletes a CVM at a given time: `PATCH /cvms/{id}/scheduled-delete` with
 * `{ scheduled_delete_at }` (a `Date` is sent as its ISO string; `null` cancels
 * the schedule). Resolves the CVM's VM record. Once the time has passed the
 * CVM is deleted: the lists no longer show it and reads of it answer 404.
 * `getCvmInfo` in 2025-10-28 shows the time set (`scheduled_delete_at`).
 */
export const scheduleCvmDelete = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: scheduleCvmDeleteResponseSchemas,
  plan: (args: ScheduleCvmDeleteArgs) => {
    const path = cvmPath(NAME, args, "/scheduled-delete");
    const at = args.scheduled_delete_at;
    const body = checkBodyArgs(
      NAME,
      withDateTimes(args, ["scheduled_delete_at"]),
      { scheduled_delete_at: DATE_TIME_FIELD },
      {
        pathKeys: CVM_ID_KEYS,
        issues:
          at === undefined
            ? [
                {
                  path: "scheduled_delete_at",
                  message: "required: a date-time, or null to cancel the scheduled delete",
                },
              ]
            : [],
      },
    );
    return {
      method: "PATCH",
      path,
      body: { scheduled_delete_at: at === null ? null : body.scheduled_delete_at },
    };
  },
});

export const safeScheduleCvmDelete = /* @__PURE__ */ safe(scheduleCvmDelete);
