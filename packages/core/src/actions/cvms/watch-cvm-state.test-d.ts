import type { CvmStateEventData, CvmStateStreamEvent } from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import { safeWatchCvmState, watchCvmState } from "./watch-cvm-state";

const client = createBaseClient({ apiKey: "k" });

describe("watchCvmState types", () => {
  it("resolves with the CVM state and types each event", async () => {
    expectTypeOf(
      await watchCvmState(client, { id: "c", target: "running" }),
    ).toEqualTypeOf<CvmStateEventData>();
    expectTypeOf(await safeWatchCvmState(client, { name: "c", target: "running" })).toEqualTypeOf<
      SafeResult<CvmStateEventData>
    >();
    watchCvmState(
      client,
      { id: "c", target: "running" },
      {
        onEvent: (event) => expectTypeOf(event).toEqualTypeOf<CvmStateStreamEvent>(),
      },
    );
    // @ts-expect-error target is required
    watchCvmState(client, { id: "c" });
  });
});
