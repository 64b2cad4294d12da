import type { RenderContext } from "./context";
import type { MockEndpoint } from "./endpoints";

/**
 * Turns one endpoint's body of a change's version into the body of the version just
 * before it. The input is typed where each change is written; the chain only knows
 * it hands over whatever the newer step produced.
 */
export type Downgrade = (body: any, ctx: RenderContext) => unknown;

/** A field's value in the version before a change, from its value in the change's version. */
export type FieldDowngrade = (value: unknown, ctx: RenderContext) => unknown;

/**
 * The mock's own handling of the changes of one API version that the chain cannot
 * apply generically (the change data itself comes from `@phala/cloud-schemas`'
 * `VERSION_CHANGES`). Every handler must answer a change of that data: a handler
 * for a change the SDK does not list is refused at startup, as is a change with
 * no handler and no generic rule.
 */
export interface VersionChange<V extends string = string> {
  /** The version that introduced the changes. */
  readonly version: V;
  readonly description: string;
  /** `reshape-endpoint`: each reshaped endpoint's body taken back to the version before. */
  readonly downgrade?: Readonly<Partial<Record<MockEndpoint, Downgrade>>>;
  /**
   * Field changes (`"Shape.field"`) whose earlier value no generic rule gives
   * (a retype other than a hashid's, a removed field's value).
   */
  readonly fields?: Readonly<Record<string, FieldDowngrade>>;
  /**
   * `pin-endpoint`: the endpoint's path answers another endpoint from this
   * version; says which route handles that (the route asks `chain.serves`).
   */
  readonly routes?: Readonly<Partial<Record<MockEndpoint, string>>>;
}

/** Keeps the version a literal type. */
export function defineVersionChange<const V extends string>(
  change: VersionChange<V>,
): VersionChange<V> {
  return change;
}
