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
export type {
  EveryEndpointMapped,
  ResponseMap,
  ResponseSchemasFor,
  SchemaVersion,
  VersionedEndpoint,
} from "./response-map";
export * from "./v2025-10-28";
export * from "./v2026-01-21";
export * from "./wire";
