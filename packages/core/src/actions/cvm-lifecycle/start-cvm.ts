import { CvmVmSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmRequest } from "./body-args";

export type StartCvmArgs = CvmIdInput;

/** Boots a stopped CVM: `POST /cvms/{id}/start`. The VM answers `starting`, then runs. */
export const startCvm = /* @__PURE__ */ defineAction({
  name: "startCvm",
  response: CvmVmSchema,
  plan: (args: StartCvmArgs) => ({
    method: "POST",
    path: cvmRequest("startCvm", args, "/start").path,
  }),
});

export const safeStartCvm = /* @__PURE__ */ safe(startCvm);
