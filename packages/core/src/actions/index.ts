export * from "./apps";
export * from "./auth";
export * from "./cvms";
export * from "./instance-types";
export * from "./kms";
export * from "./ssh-keys";
export * from "./workspaces";
