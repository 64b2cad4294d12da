import type { Caller, MockState } from "../model";

/**
 * What a renderer or a version change may look at besides the body: the canonical
 * model (for fields an older version has that the newer body no longer carries),
 * who is asking, and the clock (uptimes are relative to it).
 */
export interface RenderContext {
  readonly state: MockState;
  readonly caller: Caller;
  readonly now: Date;
}

/** The endpoints whose response shape depends on the API version. */
export type VersionedEndpoint =
  | "getCurrentUser"
  | "getCvmList"
  | "getCvmInfo"
  | "getAppList"
  | "getAppInfo"
  | "getAppCvms";
