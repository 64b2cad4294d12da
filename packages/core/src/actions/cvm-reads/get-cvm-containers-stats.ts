import { CvmContainersStatsSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "./cvm-path";

export type GetCvmContainersStatsArgs = CvmIdInput;

/** The compose file and its running containers: `GET /cvms/{id}/composition`. */
export const getCvmContainersStats = /* @__PURE__ */ defineAction({
  name: "getCvmContainersStats",
  response: CvmContainersStatsSchema,
  plan: (args: GetCvmContainersStatsArgs) => ({
    method: "GET",
    path: cvmPath("getCvmContainersStats", args, "/composition"),
  }),
});

export const safeGetCvmContainersStats = /* @__PURE__ */ safe(getCvmContainersStats);
