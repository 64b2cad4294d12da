import type { CvmSystemInfo } from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import { getCvmStats, safeGetCvmStats } from "./get-cvm-stats";

const client = createBaseClient({ apiKey: "k" });

describe("CVM read result types", () => {
  it("safe twin and schema: false", () => {
    expectTypeOf(safeGetCvmStats(client, { id: "x" })).resolves.toEqualTypeOf<
      SafeResult<CvmSystemInfo>
    >();
    expectTypeOf(
      getCvmStats(client, { id: "x" }, { schema: false }),
    ).resolves.toEqualTypeOf<unknown>();
  });

  it("needs a CVM id", () => {
    // @ts-expect-error no identifier
    getCvmStats(client, {});
    // @ts-expect-error two identifiers
    getCvmStats(client, { id: "x", name: "y" });
  });
});
