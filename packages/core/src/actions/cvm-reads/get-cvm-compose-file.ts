import { CvmAppComposeSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "./cvm-path";

export type GetCvmComposeFileArgs = CvmIdInput;

/** The app compose (app-compose.json) whose hash is the compose hash: `GET /cvms/{id}/compose_file`. */
export const getCvmComposeFile = /* @__PURE__ */ defineAction({
  name: "getCvmComposeFile",
  response: CvmAppComposeSchema,
  plan: (args: GetCvmComposeFileArgs) => ({
    method: "GET",
    path: cvmPath("getCvmComposeFile", args, "/compose_file"),
  }),
});

export const safeGetCvmComposeFile = /* @__PURE__ */ safe(getCvmComposeFile);
