import { startCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type StartCvmArgs = CvmIdInput;

/**
 * Boots a stopped CVM: `POST /cvms/{id}/start`. The VM answers `starting`, then
 * runs. Resolves the VM record: its `id` a number until 2026-01-21 (which sends
 * `0`), the `cvm_...` hashid from 2026-05-22.
 */
export const startCvm = /* @__PURE__ */ defineVersionedAction({
  name: "startCvm",
  responses: startCvmResponseSchemas,
  plan: (args: StartCvmArgs) => {
    const path = cvmPath("startCvm", args, "/start");
    checkBodyArgs("startCvm", args, {}, { pathKeys: CVM_ID_KEYS });
    return { method: "POST", path };
  },
});

export const safeStartCvm = /* @__PURE__ */ safe(startCvm);
