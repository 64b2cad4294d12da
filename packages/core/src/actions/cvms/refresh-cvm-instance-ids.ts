import { refreshCvmInstanceIdsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";

export interface RefreshCvmInstanceIdsArgs {
  /** Only these CVMs (any id form); all of the workspace's when omitted. */
  cvm_ids?: string[];
  running_only?: boolean;
  /** Only CVMs with no instance id recorded yet. */
  missing_only?: boolean;
  overwrite?: boolean;
  /** 1 to 500. */
  limit?: number;
  dry_run?: boolean;
}

const LIMIT_MAX = 500;

/** Re-reads the instance ids of many CVMs at once: `PATCH /cvms/instance-ids`. */
export const refreshCvmInstanceIds = /* @__PURE__ */ defineVersionedAction({
  name: "refreshCvmInstanceIds",
  optionalArgs: true,
  responses: refreshCvmInstanceIdsResponseSchemas,
  plan: (args: RefreshCvmInstanceIdsArgs) => {
    const body = checkBodyArgs("refreshCvmInstanceIds", args, {
      cvm_ids: "stringList",
      running_only: "boolean",
      missing_only: "boolean",
      overwrite: "boolean",
      limit: { kind: "positiveInt", max: LIMIT_MAX },
      dry_run: "boolean",
    });
    return { method: "PATCH", path: "/cvms/instance-ids", body };
  },
});

export const safeRefreshCvmInstanceIds = /* @__PURE__ */ safe(refreshCvmInstanceIds);
