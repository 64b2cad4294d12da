// The same schemas as the package root, in valibot: identical names, identical
// inferred output types (src/valibot/parity.test-d.ts), for bundles without zod.

export type * from "../response-map";
export * from "../versions";
export * from "./common";
export * from "./endpoints";
export * from "./resources/app-extras";
export * from "./resources/cvm-lifecycle";
export * from "./resources/cvm-provision";
export * from "./resources/cvm-reads";
export * from "./resources/cvm-state";
export * from "./resources/cvm-updates";
export * from "./resources/ssh-keys";
export * from "./resources/workspaces";
export * from "./wire";
