import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { ResponsesV20251028 } from "./v2025-10-28";
import type { ResponsesV20260121 } from "./v2026-01-21";

/** The endpoints whose response shape depends on the API version. */
export type VersionedEndpoint =
  | "getCurrentUser"
  | "getCvmList"
  | "getCvmInfo"
  | "getAppList"
  | "getAppInfo"
  | "getAppCvms";

/**
 * Fails to compile when a version lacks one of the versioned endpoints, and the
 * error names each one missing.
 */
export type EveryEndpointMapped<
  T extends { [V in keyof T]: { [E in VersionedEndpoint]: unknown } },
> = T;

/**
 * version -> endpoint -> response type. The one place response types are looked
 * up; adding a version adds one line here (and its schemas folder).
 */
export type ResponseMap = EveryEndpointMapped<{
  "2025-10-28": ResponsesV20251028;
  "2026-01-21": ResponsesV20260121;
}>;

/** The versions this schemas release has shapes for. */
export type SchemaVersion = keyof ResponseMap;

/** For one endpoint, a schema per version whose output is that version's response type. */
export type ResponseSchemasFor<E extends VersionedEndpoint> = {
  readonly [V in SchemaVersion]: StandardSchemaV1<unknown, ResponseMap[V][E]>;
};
