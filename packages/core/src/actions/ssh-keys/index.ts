export * from "./create-ssh-key";
export * from "./delete-ssh-key";
export * from "./import-github-profile-ssh-keys";
export * from "./list-ssh-keys";
export * from "./sync-github-ssh-keys";
