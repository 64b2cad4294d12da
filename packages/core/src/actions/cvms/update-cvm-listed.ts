import { updateCvmListedResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type UpdateCvmListedArgs = CvmIdInput & {
  /** Whether the CVM is listed publicly. */
  listed: boolean;
};

/**
 * Lists or unlists a CVM: `PATCH /cvms/{id}/listed` with `{ listed }`.
 * Resolves the CVM's VM record; the CVM lists (`getCvmList`, `listCvms`,
 * `getCvmInfo`) read `listed` back as set.
 */
export const updateCvmListed = /* @__PURE__ */ defineVersionedAction({
  name: "updateCvmListed",
  responses: updateCvmListedResponseSchemas,
  plan: (args: UpdateCvmListedArgs) => {
    const path = cvmPath("updateCvmListed", args, "/listed");
    const body = checkBodyArgs(
      "updateCvmListed",
      args,
      { listed: { kind: "boolean", required: true } },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "PATCH", path, body };
  },
});

export const safeUpdateCvmListed = /* @__PURE__ */ safe(updateCvmListed);
