import type { RenderContext, VersionedEndpoint } from "./context";

/**
 * Turns one endpoint's body of a change's version into the body of the version just
 * before it. The input is typed where each change is written; the chain only knows
 * it hands over whatever the newer step produced.
 */
export type Downgrade = (body: any, ctx: RenderContext) => unknown;

/**
 * What one API version changed, stated as how to get the previous version's body
 * back. An endpoint the version did not touch is simply absent from `downgrade`.
 */
export interface VersionChange<V extends string = string> {
  /** The version that introduced the change. */
  readonly version: V;
  readonly description: string;
  readonly downgrade: Readonly<Partial<Record<VersionedEndpoint, Downgrade>>>;
}

/** Keeps the version a literal type, so the chain can derive the `ApiVersion` union. */
export function defineVersionChange<const V extends string>(
  change: VersionChange<V>,
): VersionChange<V> {
  return change;
}
