import { type AnyClient, getClientState } from "./client-state";
import type { PhalaCloudError } from "./errors";
import { type HookLists, NO_HOOKS, type RequestEvent } from "./hooks";
import { scrubText } from "./secret";
import type { TransportState } from "./transport/types";

// `client.on/once/off`, as the published `@phala/cloud` spells them (a mitt
// emitter there), delivered over the `onError` hook so the transport stays as
// it is. A module of its own, added by `createClient` (or
// `createBaseClient(...).extend(clientEvents)`): a client made without it
// carries none of this code.

/** Each event a client emits, by name, with its payload. */
export type ClientEventMap = {
  /**
   * A request failed for good (after any retries): an error status, a dropped
   * connection, a timeout, an abort. Also when the call was a `safe*` one, so
   * the listener sees errors the caller only gets as a result.
   */
  error: PhalaCloudError;
};

export type ClientEventName = keyof ClientEventMap;

/** A listener of one event: called with the payload. */
export type ClientEventListener<K extends ClientEventName = ClientEventName> = (
  payload: ClientEventMap[K],
) => void | Promise<void>;

/** A listener of every event (`"*"`): called with the event's name, then its payload. */
export type ClientWildcardListener = (
  type: ClientEventName,
  payload: ClientEventMap[ClientEventName],
) => void | Promise<void>;

/** What `clientEvents` adds to a client. A type, not an interface: `extend` takes records. */
export type ClientEventMethods = {
  /** Calls `listener` with each `type` event (`"*"`: every event, with its name first). */
  on<K extends ClientEventName>(type: K, listener: ClientEventListener<K>): void;
  on(type: "*", listener: ClientWildcardListener): void;
  /** As `on`, for the next event only. */
  once<K extends ClientEventName>(type: K, listener: ClientEventListener<K>): void;
  once(type: "*", listener: ClientWildcardListener): void;
  /** Removes that listener (given to `on` or `once`); without one, every listener of `type`. */
  off<K extends ClientEventName>(type: K, listener?: ClientEventListener<K>): void;
  off(type: "*", listener?: ClientWildcardListener): void;
};

type AnyListener = (...args: unknown[]) => unknown;

interface Registration {
  listener: AnyListener;
  once: boolean;
}

// One set of listeners per transport: every client derived from one
// `createBaseClient` call (`withVersion`, `extend`) shares its transport, so
// also its listeners.
const emitters = /* @__PURE__ */ new WeakMap<TransportState, ClientEventMethods>();

/**
 * `client.on/once/off` for a client made by `createBaseClient`:
 * `createBaseClient(config).extend(clientEvents)`. `createClient`'s clients have them already.
 */
export function clientEvents(client: AnyClient): ClientEventMethods {
  const state = getClientState(client);
  let methods = emitters.get(state);
  if (!methods) {
    methods = createEmitter(state);
    emitters.set(state, methods);
  }
  // A copy: what one caller does to the record it gets, the next client never sees.
  return { ...methods };
}

function createEmitter(state: TransportState): ClientEventMethods {
  // Listeners of each event, then of every event: mitt's order.
  const lists: Record<ClientEventName | "*", Registration[]> = { error: [], "*": [] };

  const listOf = (type: unknown, method: string): Registration[] => {
    if (type === "error" || type === "*") return lists[type];
    throw new TypeError(
      `client.${method}(): unknown event ${JSON.stringify(type)}; expected "error" or "*"`,
    );
  };

  const add = (once: boolean) => (type: unknown, listener: unknown) => {
    const list = listOf(type, once ? "once" : "on");
    if (typeof listener !== "function") {
      throw new TypeError(`client.${once ? "once" : "on"}(): the listener must be a function`);
    }
    list.push({ listener: listener as AnyListener, once });
  };

  const emit = <K extends ClientEventName>(type: K, payload: ClientEventMap[K]) => {
    // The listener's own error text is the caller's, and may quote the key: log it redacted.
    const failed = (error: unknown) =>
      state.log?.error(`A client "${type}" listener threw; the call goes on`, {
        error: scrubText(
          error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          state.apiKey,
        ),
      });
    for (const wildcard of [false, true]) {
      const list = lists[wildcard ? "*" : type];
      // Those registered when the event came, as mitt: one added by a listener waits for the next.
      for (const registration of [...list]) {
        if (registration.once) {
          const index = list.indexOf(registration);
          // Removed meanwhile (by `off`, or a listener that fired it already): not called.
          if (index < 0) continue;
          list.splice(index, 1);
        }
        try {
          const { listener } = registration;
          const result = wildcard ? listener(type, payload) : listener(payload);
          if (result && typeof (result as Promise<void>).then === "function") {
            (result as Promise<void>).then(undefined, failed);
          }
        } catch (error) {
          failed(error);
        }
      }
    }
  };

  // The transport reports each failed call to its `onError` hooks, with the
  // error the caller gets (or its `safe*` twin returns). Its hook lists are
  // replaced, never changed in place: a client without hooks shares `NO_HOOKS`.
  const hooks = state.hooks ?? NO_HOOKS;
  (state as { hooks?: HookLists }).hooks = {
    ...hooks,
    onError: [
      ...hooks.onError,
      (event: RequestEvent) => {
        if (event.error) emit("error", event.error);
      },
    ],
  };

  return {
    on: add(false),
    once: add(true),
    off: (type: unknown, listener?: unknown) => {
      const list = listOf(type, "off");
      if (listener === undefined) {
        list.length = 0;
        return;
      }
      // The first registration of that function, `on` or `once`: exactly one, as mitt.
      const index = list.findIndex((registration) => registration.listener === listener);
      if (index >= 0) list.splice(index, 1);
    },
  } as ClientEventMethods;
}
