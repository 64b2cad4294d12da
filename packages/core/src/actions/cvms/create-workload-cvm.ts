import { createWorkloadCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { CVM_NAME } from "../../cvm-id";
import { DATE_TIME_FIELD, type DateTimeInput, withDateTimes } from "../internal/date-time";

export interface CreateWorkloadCvmArgs {
  /** The CVM's name, an RFC 1123 label of 5 to 63 characters; unique in the workspace. */
  name: string;
  /** The instance type to run on, e.g. `h200.small`. */
  instance_type: string;
  /** The model the workload serves. */
  model_id: string;
  /** When the CVM is deleted by itself; `null` or absent: never. */
  scheduled_delete_at?: DateTimeInput | null;
}

const NAME = "createWorkloadCvm";

/**
 * Creates a CVM that serves a model: `POST /cvms/workload` with
 * `{ name, instance_type, model_id, scheduled_delete_at? }`. Resolves the new
 * CVM's VM record (booting). A name already used in the workspace is answered
 * 409 (`ConflictError`); a name that is not a 5-63 character RFC 1123 label is
 * refused before sending.
 */
export const createWorkloadCvm = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: createWorkloadCvmResponseSchemas,
  plan: (args: CreateWorkloadCvmArgs) => {
    const body = checkBodyArgs(NAME, withDateTimes(args, ["scheduled_delete_at"]), {
      name: {
        kind: "nonEmptyString",
        required: true,
        refine: (name: string) =>
          CVM_NAME.test(name)
            ? undefined
            : "expected an RFC 1123 label: 5 to 63 letters, digits and hyphens, a letter first, no hyphen last",
      },
      instance_type: { kind: "nonEmptyString", required: true },
      model_id: { kind: "nonEmptyString", required: true },
      scheduled_delete_at: DATE_TIME_FIELD,
    });
    if (args.scheduled_delete_at === null) body.scheduled_delete_at = null;
    return { method: "POST", path: "/cvms/workload", body };
  },
});

export const safeCreateWorkloadCvm = /* @__PURE__ */ safe(createWorkloadCvm);
