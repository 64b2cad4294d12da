// Absent from the contract, under Workspace: GET /teepods/available and /teepods/cvm-create-resources answer the workspace's nodes and limits, as /workspaces/{slug}/nodes and /quotas do.
export * from "./get-available-nodes";
export * from "./get-cvm-create-resources";
export * from "./get-workspace";
export * from "./get-workspace-nodes";
export * from "./get-workspace-quotas";
export * from "./list-workspaces";
