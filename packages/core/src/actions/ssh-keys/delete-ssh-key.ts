import { deleteSshKeyResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";

export interface DeleteSshKeyArgs {
  /** The key's `id` from `listSshKeys`. */
  keyId: string;
}

/** Removes one of the user's SSH keys: `DELETE /user/ssh-keys/{key_id}` (204). */
export const deleteSshKey = /* @__PURE__ */ defineVersionedAction({
  name: "deleteSshKey",
  responses: deleteSshKeyResponseSchemas,
  plan: (args: DeleteSshKeyArgs) => ({
    method: "DELETE",
    path: `/user/ssh-keys/${encodeURIComponent(requireString("deleteSshKey", args, "keyId").trim())}`,
  }),
  // A 204 has no body; whatever a proxy might add is not the API's answer.
  shape: () => undefined,
});

export const safeDeleteSshKey = /* @__PURE__ */ safe(deleteSshKey);
