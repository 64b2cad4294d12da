import { getCvmPreLaunchScriptResponseSchemas } from "@phala/cloud-schemas";
import { type ActionResponse, defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";
import { textBody } from "../internal/text-body";

export type GetCvmPreLaunchScriptArgs = CvmIdInput;

/** The pre-launch script as text (empty when the CVM has none): `GET /cvms/{id}/pre-launch-script`. */
export const getCvmPreLaunchScript = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmPreLaunchScript",
  responses: getCvmPreLaunchScriptResponseSchemas,
  plan: (args: GetCvmPreLaunchScriptArgs) => ({
    method: "GET",
    path: cvmPath("getCvmPreLaunchScript", args, "/pre-launch-script"),
    // Errors still come as JSON; the file itself as text.
    headers: { Accept: "text/plain, application/json" },
  }),
  shape: (response: ActionResponse) => textBody(response),
});

export const safeGetCvmPreLaunchScript = /* @__PURE__ */ safe(getCvmPreLaunchScript);
