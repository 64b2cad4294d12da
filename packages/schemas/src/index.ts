export * from "./common";
export * from "./endpoints";
export type {
  EveryEndpointMapped,
  ResponseMap,
  ResponseSchemasFor,
  SchemaVersion,
  VersionedEndpoint,
} from "./response-map";
export * from "./v2025-10-28";
export * from "./v2026-01-21";
