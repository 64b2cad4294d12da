import { listSshKeysResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/** The signed-in user's active SSH keys, newest first: `GET /user/ssh-keys`. */
export const listSshKeys = /* @__PURE__ */ defineVersionedAction({
  name: "listSshKeys",
  optionalArgs: true,
  noArgs: true,
  responses: listSshKeysResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("listSshKeys", given);
    return { method: "GET", path: "/user/ssh-keys" };
  },
});

export const safeListSshKeys = /* @__PURE__ */ safe(listSshKeys);
