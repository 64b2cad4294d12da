import type { ResponseMap } from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { getCurrentUser, getCvmInfo } from "./actions";
import type { APIPromise } from "./api-promise";
import { type Client, createBaseClient } from "./client";

type User20260121 = ResponseMap["2026-01-21"]["getCurrentUser"];
type User20251028 = ResponseMap["2025-10-28"]["getCurrentUser"];
type Cvm20260121 = ResponseMap["2026-01-21"]["getCvmInfo"];

declare const client: Client<"2026-01-21">;

describe("extend(fn), viem's form", () => {
  it("types the members the function returns, and its argument as the client", () => {
    const extended = client.extend((c) => {
      expectTypeOf(c).toEqualTypeOf<Client<"2026-01-21">>();
      return { cvm: (id: string) => getCvmInfo(c, { id }), label: "x" as const };
    });
    expectTypeOf(extended.cvm("a")).toEqualTypeOf<APIPromise<Cvm20260121>>();
    expectTypeOf(extended.label).toEqualTypeOf<"x">();
    expectTypeOf(extended.version).toEqualTypeOf<"2026-01-21">();
  });

  it("chains with records and functions, and keeps the members across withVersion", () => {
    const chained = createBaseClient()
      .extend({ getCurrentUser })
      .extend((c) => ({ me: () => c.getCurrentUser() }));
    expectTypeOf(chained.me()).toEqualTypeOf<APIPromise<User20260121>>();
    const legacy = chained.withVersion("2025-10-28");
    expectTypeOf(legacy.getCurrentUser()).toEqualTypeOf<APIPromise<User20251028>>();
    expectTypeOf(legacy.me).toBeFunction();
  });

  it("refuses what is neither a record of actions nor a function", () => {
    // @ts-expect-error a number is not an extension
    client.extend(42);
    // @ts-expect-error each member of a record is a function
    client.extend({ limit: 3 });
  });
});

describe("options in the arguments' place of an action without arguments", () => {
  it("are typed as the options: schema false gives unknown, a version its shape", () => {
    expectTypeOf(getCurrentUser(client, { schema: false })).toEqualTypeOf<APIPromise<unknown>>();
    expectTypeOf(getCurrentUser(client, { version: "2025-10-28" })).toEqualTypeOf<
      APIPromise<User20251028>
    >();
    expectTypeOf(getCurrentUser(client)).toEqualTypeOf<APIPromise<User20260121>>();
    expectTypeOf(getCurrentUser(client, {}, { schema: false })).toEqualTypeOf<
      APIPromise<unknown>
    >();
    const bound = client.extend({ getCurrentUser });
    expectTypeOf(bound.getCurrentUser({ schema: false })).toEqualTypeOf<APIPromise<unknown>>();
  });

  it("refuses what is not an option", () => {
    // @ts-expect-error not an option of getCurrentUser
    getCurrentUser(client, { shcema: false });
    // @ts-expect-error an action without arguments takes none
    getCvmInfo(client, { schema: false });
  });
});
