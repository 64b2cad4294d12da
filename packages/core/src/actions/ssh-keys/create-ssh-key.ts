import { createSshKeyResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";

export interface CreateSshKeyArgs {
  name: string;
  /** An OpenSSH public key line (`ssh-ed25519 AAAA... comment`). */
  public_key: string;
}

/**
 * Adds a public key to the signed-in user: `POST /user/ssh-keys`. The API
 * computes the fingerprint and type; a malformed key is a 422, a key the user
 * already has (same fingerprint) a 409.
 */
export const createSshKey = /* @__PURE__ */ defineVersionedAction({
  name: "createSshKey",
  responses: createSshKeyResponseSchemas,
  plan: (args: CreateSshKeyArgs) => {
    const name = requireString("createSshKey", args, "name");
    const publicKey = requireString("createSshKey", args, "public_key");
    return {
      method: "POST",
      path: "/user/ssh-keys",
      body: { name, public_key: publicKey.trim() },
    };
  },
});

export const safeCreateSshKey = /* @__PURE__ */ safe(createSshKey);
