import { CvmVmSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmRequest } from "./body-args";

export type RestartCvmArgs = CvmIdInput & {
  /** Skip the graceful shutdown. Default false. */
  force?: boolean;
};

/** Restarts a running CVM: `POST /cvms/{id}/restart` with `{ force }`. */
export const restartCvm = /* @__PURE__ */ defineAction({
  name: "restartCvm",
  response: CvmVmSchema,
  plan: (args: RestartCvmArgs) => {
    const { path, body } = cvmRequest("restartCvm", args, "/restart", {
      checks: { force: "boolean" },
    });
    return { method: "POST", path, body: { force: body.force ?? false } };
  },
});

export const safeRestartCvm = /* @__PURE__ */ safe(restartCvm);
