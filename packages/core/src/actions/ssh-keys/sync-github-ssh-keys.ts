import { syncGithubSshKeysResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/**
 * Brings the keys synced from the user's linked GitHub account up to date:
 * `POST /user/ssh-keys/github-sync`. New keys are added, changed ones updated,
 * keys deleted on GitHub revoked. Keys added by hand are left alone.
 */
export const syncGithubSshKeys = /* @__PURE__ */ defineVersionedAction({
  name: "syncGithubSshKeys",
  optionalArgs: true,
  noArgs: true,
  responses: syncGithubSshKeysResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("syncGithubSshKeys", given);
    return { method: "POST", path: "/user/ssh-keys/github-sync" };
  },
});

export const safeSyncGithubSshKeys = /* @__PURE__ */ safe(syncGithubSshKeys);
