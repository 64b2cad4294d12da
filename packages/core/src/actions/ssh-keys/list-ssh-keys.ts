import { listSshKeysResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";

/** The signed-in user's active SSH keys, newest first: `GET /user/ssh-keys`. */
export const listSshKeys = /* @__PURE__ */ defineVersionedAction({
  name: "listSshKeys",
  optionalArgs: true,
  responses: listSshKeysResponseSchemas,
  plan: (_args: Record<string, never>) => ({ method: "GET", path: "/user/ssh-keys" }),
});

export const safeListSshKeys = /* @__PURE__ */ safe(listSshKeys);
