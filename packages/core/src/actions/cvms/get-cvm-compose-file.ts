import { getCvmComposeFileResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmComposeFileArgs = CvmIdInput;

/** The app compose (app-compose.json) whose hash is the compose hash: `GET /cvms/{id}/compose_file`. */
export const getCvmComposeFile = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmComposeFile",
  responses: getCvmComposeFileResponseSchemas,
  plan: (args: GetCvmComposeFileArgs) => ({
    method: "GET",
    path: cvmPath("getCvmComposeFile", args, "/compose_file"),
  }),
});

export const safeGetCvmComposeFile = /* @__PURE__ */ safe(getCvmComposeFile);
