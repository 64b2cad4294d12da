import type { Caller, MockState } from "../model";

/**
 * What a renderer or a version change may look at besides the body: the canonical
 * model (for fields an older version has that the newer body no longer carries),
 * who is asking, the clock (uptimes are relative to it) and the version the
 * answer is rendered in.
 */
export interface RenderContext {
  readonly state: MockState;
  readonly caller: Caller;
  readonly now: Date;
  /** The version the body is being rendered in (the request's, not a step's). */
  readonly version: string;
}
