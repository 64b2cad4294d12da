import { updateCvmResourcesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";
import { operationAccepted } from "../internal/operation-accepted";

export type UpdateCvmResourcesArgs = CvmIdInput & {
  vcpu?: number;
  /** MB. */
  memory?: number;
  /** GB; the API refuses to shrink a disk. */
  disk_size?: number;
  instance_type?: string;
  /** Required (true) to resize a running CVM, which the API restarts. */
  allow_restart?: boolean;
};

const NAME = "updateCvmResources";
const SIZE_KEYS = ["vcpu", "memory", "disk_size", "instance_type"] as const;

/**
 * Resizes a CVM: `PATCH /cvms/{id}` with `{ vcpu, memory, disk_size,
 * instance_type, allow_restart }` (the fields given). The API answers 202 and
 * resizes in the background; resolves `{ correlation_id, status, message }`,
 * each `null` when the answer left it out or had no body.
 *
 * It used to send `PATCH /cvms/{id}/resources`, which the API reference now
 * marks deprecated; the unified `PATCH /cvms/{id}` takes the same fields (as
 * the newest `@phala/cloud` sends them). `patchCvm` changes the size together
 * with other fields.
 */
export const updateCvmResources = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: updateCvmResourcesResponseSchemas,
  plan: (args: UpdateCvmResourcesArgs) => {
    const path = cvmPath(NAME, args);
    const body = checkBodyArgs(
      NAME,
      args,
      {
        vcpu: "positiveInt",
        memory: "positiveInt",
        disk_size: "positiveInt",
        instance_type: "nonEmptyString",
        allow_restart: "boolean",
      },
      { pathKeys: CVM_ID_KEYS },
    );
    if (!SIZE_KEYS.some((key) => body[key] !== undefined)) {
      invalidArguments(NAME, [
        { path: SIZE_KEYS.join("|"), message: `give at least one of ${SIZE_KEYS.join(", ")}` },
      ]);
    }
    return { method: "PATCH", path, body };
  },
  shape: operationAccepted,
});

export const safeUpdateCvmResources = /* @__PURE__ */ safe(updateCvmResources);
