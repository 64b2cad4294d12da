import { describe, expectTypeOf, it } from "vitest";
import type {
  CurrentUserV20251028,
  CvmInfoV20260121,
  EveryEndpointMapped,
  ResponseMap,
  ResponsesV20251028,
  ResponsesV20260121,
} from "./index";

describe("the response map", () => {
  it("has every versioned endpoint for every version", () => {
    expectTypeOf<keyof ResponseMap>().toEqualTypeOf<
      "2025-10-28" | "2026-01-21" | "2026-05-22" | "2026-06-23"
    >();
    expectTypeOf<
      ResponseMap["2025-10-28"]["getCurrentUser"]
    >().toEqualTypeOf<CurrentUserV20251028>();
  });

  it("does not compile when a version lacks an endpoint", () => {
    type Incomplete = Omit<ResponsesV20260121, "getAppCvms">;
    // @ts-expect-error getAppCvms is missing for 2099-01-01
    type _Broken = EveryEndpointMapped<{
      "2025-10-28": ResponsesV20251028;
      "2099-01-01": Incomplete;
    }>;
    expectTypeOf<Incomplete>().not.toHaveProperty("getAppCvms");
  });

  it("response types have no index signature", () => {
    expectTypeOf<string>().not.toExtend<keyof CvmInfoV20260121>();
    expectTypeOf<string>().not.toExtend<keyof CurrentUserV20251028>();
  });
});
