import { PhalaCloudError } from "./errors";
import type { HttpMethod, QueryParams, TransportState } from "./transport/types";
import type { ApiVersion } from "./versions";

// What both the client and the actions need to know of a client, in a module of
// its own: `client.ts` builds clients and `action.ts` runs actions on them,
// and neither imports the other.

declare const clientBrand: unique symbol;

/** What every client has, whatever actions it carries. */
export interface AnyClient {
  /** A known version's date (`LATEST` is resolved when the client is made). */
  readonly version: ApiVersion;
  readonly [clientBrand]?: true;
}

/** A low-level request: any path, no schema. */
export interface RawRequest {
  method?: HttpMethod;
  path: string;
  query?: QueryParams;
  body?: unknown;
  version?: ApiVersion;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeout?: number;
  maxRetries?: number;
  maxRetryTime?: number;
  /** Retry this POST or PATCH too: repeating it is safe. */
  retryNonIdempotent?: boolean;
  maxResponseBytes?: number;
}

/** Anything `extend` accepts as a record: SDK actions, or plain functions taking the client first. */
export type ActionRecord = { readonly [name: string]: (client: any, ...args: any[]) => unknown };

/** The viem form of `extend`: a function of the client giving members to add as they are. */
export type ClientExtender = (client: any) => Record<string, unknown>;

export interface ClientInternals {
  transport: TransportState;
  /** What `extend` was given, in order: records bind their actions, extenders are called. */
  layers: readonly (ActionRecord | ClientExtender)[];
}

const CLIENT_STATE = Symbol.for("@phala/cloud-core/client-state");

/** Hides the internals on the client: defined, so neither enumerable nor writable. */
export function attachClientState(client: object, internals: ClientInternals): void {
  Object.defineProperty(client, CLIENT_STATE, { value: internals });
}

export function getClientState(client: AnyClient): TransportState {
  const internals = (client as unknown as { [CLIENT_STATE]?: ClientInternals } | null)?.[
    CLIENT_STATE
  ];
  if (!internals) {
    throw new PhalaCloudError("Expected a client made by createClient() or createBaseClient()");
  }
  return internals.transport;
}
