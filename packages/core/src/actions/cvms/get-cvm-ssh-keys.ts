import { getCvmSshKeysResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmSshKeysArgs = CvmIdInput;

/**
 * The SSH keys a CVM is set to authorize: `GET /cvms/{id}/ssh-keys`. This is the
 * stored set, which reaches the VM at its next boot; `restart_required` says the
 * running VM booted with another one.
 */
export const getCvmSshKeys = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmSshKeys",
  responses: getCvmSshKeysResponseSchemas,
  plan: (args: GetCvmSshKeysArgs) => ({
    method: "GET",
    path: cvmPath("getCvmSshKeys", args, "/ssh-keys"),
  }),
});

export const safeGetCvmSshKeys = /* @__PURE__ */ safe(getCvmSshKeys);
