import { restartCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type RestartCvmArgs = CvmIdInput & {
  /** Skip the graceful shutdown. Default false. */
  force?: boolean;
};

/** Restarts a running CVM: `POST /cvms/{id}/restart` with `{ force }`. */
export const restartCvm = /* @__PURE__ */ defineVersionedAction({
  name: "restartCvm",
  responses: restartCvmResponseSchemas,
  plan: (args: RestartCvmArgs) => {
    const path = cvmPath("restartCvm", args, "/restart");
    const body = checkBodyArgs("restartCvm", args, { force: "boolean" }, { pathKeys: CVM_ID_KEYS });
    return { method: "POST", path, body: { force: body.force ?? false } };
  },
});

export const safeRestartCvm = /* @__PURE__ */ safe(restartCvm);
