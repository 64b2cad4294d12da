import { describe, expectTypeOf, it } from "vitest";
import { getCurrentUser } from "./actions";
import { createBaseClient } from "./client";
import {
  type ClientEventListener,
  type ClientEventMap,
  type ClientEventMethods,
  type ClientEventName,
  clientEvents,
} from "./client-events";
import { createClient, type PhalaCloudClient } from "./create-client";
import type { PhalaCloudError } from "./errors";

declare const client: PhalaCloudClient<"2026-01-21">;

describe("client.on / once / off", () => {
  it("types the payload by the event's name", () => {
    expectTypeOf<ClientEventName>().toEqualTypeOf<"error">();
    expectTypeOf<ClientEventMap["error"]>().toEqualTypeOf<PhalaCloudError>();
    client.on("error", (error) => {
      expectTypeOf(error).toEqualTypeOf<PhalaCloudError>();
    });
    client.once("error", (error) => {
      expectTypeOf(error).toEqualTypeOf<PhalaCloudError>();
    });
    client.on("*", (type, error) => {
      expectTypeOf(type).toEqualTypeOf<"error">();
      expectTypeOf(error).toEqualTypeOf<PhalaCloudError>();
    });
    // An async listener is fine too.
    client.on("error", async () => {});
    expectTypeOf(client.on("error", () => {})).toEqualTypeOf<void>();
  });

  it("off takes the listener, or none for all of that event", () => {
    const listener: ClientEventListener<"error"> = (error) => void error.status;
    client.on("error", listener);
    client.off("error", listener);
    client.off("error");
    client.off("*");
  });

  it("refuses unknown events and listeners of another payload", () => {
    // @ts-expect-error no such event
    client.on("response", () => {});
    // @ts-expect-error no such event
    client.off("errors");
    // @ts-expect-error the payload is a PhalaCloudError
    client.on("error", (error: string) => void error);
    // @ts-expect-error a listener is a function
    client.once("error", "log");
  });

  it("is on createClient's client and every client derived from it", () => {
    expectTypeOf(createClient().on).toEqualTypeOf<ClientEventMethods["on"]>();
    expectTypeOf(client.withVersion("2025-10-28").off).toEqualTypeOf<ClientEventMethods["off"]>();
    expectTypeOf(client.extend((c) => ({ me: () => c.getCurrentUser() })).once).toEqualTypeOf<
      ClientEventMethods["once"]
    >();
    expectTypeOf(client.extend({ getCurrentUser }).on).toEqualTypeOf<ClientEventMethods["on"]>();
  });

  it("createBaseClient has none until extend(clientEvents)", () => {
    const base = createBaseClient();
    // @ts-expect-error createBaseClient's client has no events
    base.on("error", () => {});
    const withEvents = base.extend(clientEvents);
    expectTypeOf(withEvents.on).toEqualTypeOf<ClientEventMethods["on"]>();
    expectTypeOf(withEvents.version).toEqualTypeOf<"2026-01-21">();
    withEvents.on("error", (error) => {
      expectTypeOf(error).toEqualTypeOf<PhalaCloudError>();
    });
    expectTypeOf(withEvents.withVersion("2025-10-28").on).toEqualTypeOf<ClientEventMethods["on"]>();
  });
});
