import type { ResponseMap } from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "./action";
import { getCvmInfo, safeGetCvmInfo } from "./actions";
import type { APIPromise, WithResponse } from "./api-promise";
import { type Client, createBaseClient } from "./client";

type CvmDetailV20260121 = ResponseMap["2026-01-21"]["getCvmInfo"];
type CvmDetailV20251028 = ResponseMap["2025-10-28"]["getCvmInfo"];

declare const client: Client<"2026-01-21">;

describe("APIPromise types", () => {
  it("an action returns APIPromise of its typed result, .withResponse() is typed", () => {
    const call = getCvmInfo(client, { id: "cvm_1" });
    expectTypeOf(call).toEqualTypeOf<APIPromise<CvmDetailV20260121>>();
    expectTypeOf(call.withResponse()).toEqualTypeOf<Promise<WithResponse<CvmDetailV20260121>>>();
    expectTypeOf<Awaited<ReturnType<typeof call.withResponse>>["requestId"]>().toEqualTypeOf<
      string | undefined
    >();
    expectTypeOf<
      Awaited<ReturnType<typeof call.withResponse>>["response"]
    >().toEqualTypeOf<Response>();
  });

  it("the per-call version types withResponse's data", () => {
    const call = getCvmInfo(client, { id: "cvm_1" }, { version: "2025-10-28" });
    expectTypeOf(call.withResponse())
      .resolves.toHaveProperty("data")
      .toEqualTypeOf<CvmDetailV20251028>();
  });

  it("safe twins return plain promises of SafeResult", () => {
    const call = safeGetCvmInfo(client, { id: "cvm_1" });
    expectTypeOf(call).toEqualTypeOf<Promise<SafeResult<CvmDetailV20260121>>>();
    // @ts-expect-error no withResponse on a safe twin
    call.withResponse;
  });

  it("bound actions and client.request carry withResponse", () => {
    const bound = createBaseClient().extend({ getCvmInfo });
    expectTypeOf(bound.getCvmInfo({ id: "x" }).withResponse).toBeFunction();
    expectTypeOf(bound.request({ path: "/x" })).toEqualTypeOf<APIPromise<unknown>>();
  });
});
