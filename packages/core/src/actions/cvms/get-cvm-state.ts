import { getCvmStateResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmStateArgs = CvmIdInput;

/** The VM's current state, one snapshot: `GET /cvms/{id}/state` (`watchCvmState` streams it). */
export const getCvmState = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmState",
  responses: getCvmStateResponseSchemas,
  plan: (args: GetCvmStateArgs) => ({
    method: "GET",
    path: cvmPath("getCvmState", args, "/state"),
  }),
});

export const safeGetCvmState = /* @__PURE__ */ safe(getCvmState);
