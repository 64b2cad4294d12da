import { getCvmContainersStatsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmContainersStatsArgs = CvmIdInput;

/**
 * The compose file and its running containers: `GET /cvms/{id}/composition`.
 *
 * @deprecated The API reference marks `GET /cvms/{id}/composition` deprecated
 * and its current version no longer lists it, with no replacement for the
 * container list: it may stop answering. For the compose file alone use
 * `getCvmComposeFile` (`GET /cvms/{id}/compose_file`) or `getCvmDockerCompose`.
 */
export const getCvmContainersStats = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmContainersStats",
  responses: getCvmContainersStatsResponseSchemas,
  plan: (args: GetCvmContainersStatsArgs) => ({
    method: "GET",
    path: cvmPath("getCvmContainersStats", args, "/composition"),
  }),
});

/** @deprecated See `getCvmContainersStats`: `GET /cvms/{id}/composition` is deprecated. */
export const safeGetCvmContainersStats = /* @__PURE__ */ safe(getCvmContainersStats);
