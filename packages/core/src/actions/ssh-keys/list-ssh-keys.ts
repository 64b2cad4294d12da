import { ListSshKeysResponseSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";

/** The signed-in user's active SSH keys, newest first: `GET /user/ssh-keys`. */
export const listSshKeys = /* @__PURE__ */ defineAction({
  name: "listSshKeys",
  optionalArgs: true,
  response: ListSshKeysResponseSchema,
  plan: (_args: Record<string, never>) => ({ method: "GET", path: "/user/ssh-keys" }),
});

export const safeListSshKeys = /* @__PURE__ */ safe(listSshKeys);
