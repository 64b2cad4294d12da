// The same schemas as the package root, in valibot: identical names, identical
// inferred output types (src/valibot/parity.test-d.ts), for bundles without zod.

export type * from "../response-map";
export * from "../versions";
export * from "./common";
export * from "./endpoints";
export * from "./resources/apps";
export * from "./resources/cvms/lifecycle";
export * from "./resources/cvms/provision";
export * from "./resources/cvms/reads";
export * from "./resources/cvms/state";
export * from "./resources/cvms/updates";
export * from "./resources/ssh-keys";
export * from "./resources/workspaces";
export * from "./wire";
