export * from "./get-workspace";
export * from "./get-workspace-nodes";
export * from "./get-workspace-quotas";
export * from "./list-workspaces";
