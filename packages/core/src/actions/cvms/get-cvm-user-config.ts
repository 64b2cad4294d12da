import { getCvmUserConfigResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmUserConfigArgs = CvmIdInput;

/** Hostname and SSH keys the VM gets at boot: `GET /cvms/{id}/user_config`. */
export const getCvmUserConfig = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmUserConfig",
  responses: getCvmUserConfigResponseSchemas,
  plan: (args: GetCvmUserConfigArgs) => ({
    method: "GET",
    path: cvmPath("getCvmUserConfig", args, "/user_config"),
  }),
});

export const safeGetCvmUserConfig = /* @__PURE__ */ safe(getCvmUserConfig);
