import { importGithubProfileSshKeysResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, requireString, safe } from "../../action";

export interface ImportGithubProfileSshKeysArgs {
  /** Any GitHub user; their public keys are read from their profile. */
  github_username: string;
}

// GitHub's own rule for user names: alphanumerics and single inner hyphens, at most 39.
const GITHUB_USERNAME = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

/**
 * Imports the public SSH keys of a GitHub profile: `POST /user/ssh-keys/github-profile`.
 * Keys the user already has (same fingerprint) are skipped; keys GitHub serves
 * that cannot be parsed are listed in `errors` and do not stop the others.
 */
export const importGithubProfileSshKeys = /* @__PURE__ */ defineVersionedAction({
  name: "importGithubProfileSshKeys",
  responses: importGithubProfileSshKeysResponseSchemas,
  plan: (args: ImportGithubProfileSshKeysArgs) => {
    const username = requireString("importGithubProfileSshKeys", args, "github_username").trim();
    if (!GITHUB_USERNAME.test(username)) {
      invalidArguments("importGithubProfileSshKeys", [
        { path: "github_username", message: "not a valid GitHub user name" },
      ]);
    }
    return {
      method: "POST",
      path: "/user/ssh-keys/github-profile",
      body: { github_username: username },
    };
  },
});

export const safeImportGithubProfileSshKeys = /* @__PURE__ */ safe(importGithubProfileSshKeys);
