import type { ActionRecord } from "./action";
import type { AnyClient } from "./client";
import { PhalaCloudError } from "./errors";
import type { TransportState } from "./transport";

// Its own module so that actions and the client can both reach a client's
// state without importing each other.

const CLIENT_STATE = Symbol.for("@phala/cloud-core/client-state");

export interface ClientInternals {
  transport: TransportState;
  actions: ActionRecord;
}

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
