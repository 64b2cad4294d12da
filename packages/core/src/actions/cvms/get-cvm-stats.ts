import { getCvmStatsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmStatsArgs = CvmIdInput;

/** Guest OS figures (CPU, memory, disks, load): `GET /cvms/{id}/stats`. `is_online: false` when the VM is not reachable. */
export const getCvmStats = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmStats",
  responses: getCvmStatsResponseSchemas,
  plan: (args: GetCvmStatsArgs) => ({
    method: "GET",
    path: cvmPath("getCvmStats", args, "/stats"),
  }),
});

export const safeGetCvmStats = /* @__PURE__ */ safe(getCvmStats);
