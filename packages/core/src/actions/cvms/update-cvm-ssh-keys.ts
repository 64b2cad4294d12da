import { updateCvmSshKeysResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type UpdateCvmSshKeysArgs = CvmIdInput & {
  /** The ids (`listSshKeys`) of the keys the CVM authorizes from now on: the whole set. */
  ssh_key_ids: string[];
  /** Workspace members whose keys are added to the set, by user name. */
  usernames?: string[];
  /** Restart a running CVM so the keys take effect now (the API's default: `false`, next boot). */
  apply_now?: boolean;
};

const NAME = "updateCvmSshKeys";

const nonEmpty = (ids: readonly string[]) =>
  ids.some((id) => id.trim() === "") ? "expected non-empty strings" : undefined;

/**
 * Replaces the SSH keys a CVM authorizes: `PUT /cvms/{id}/ssh-keys`. Resolves the
 * stored set as `getCvmSshKeys` does; it reaches the VM at its next boot, or now
 * with `apply_now: true` (the CVM restarts).
 */
export const updateCvmSshKeys = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: updateCvmSshKeysResponseSchemas,
  plan: (args: UpdateCvmSshKeysArgs) => {
    const path = cvmPath(NAME, args, "/ssh-keys");
    const body = checkBodyArgs(
      NAME,
      args,
      {
        ssh_key_ids: { kind: "stringList", required: true, refine: nonEmpty },
        usernames: { kind: "stringList", refine: nonEmpty },
        apply_now: "boolean",
      },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "PUT", path, body };
  },
});

export const safeUpdateCvmSshKeys = /* @__PURE__ */ safe(updateCvmSshKeys);
