import type { CvmStateEventData, CvmStateStreamEvent } from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import type { APIUserAbortError } from "../../errors";
import type {
  CvmStateWatchTimeoutError,
  MaxRetriesExceededError,
  WatchAbortedError,
} from "../internal/watch-errors";
import { safeWatchCvmState, type WatchCvmStateArgs, watchCvmState } from "./watch-cvm-state";

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

  it("takes the official docs' form: onEvent, signal, maxRetries and retryDelay in the arguments", () => {
    watchCvmState(client, {
      id: "my-app",
      target: "running",
      timeout: 120,
      signal: new AbortController().signal,
      maxRetries: Number.POSITIVE_INFINITY,
      retryDelay: 5000,
      onEvent: (event) => expectTypeOf(event).toEqualTypeOf<CvmStateStreamEvent>(),
    });
    expectTypeOf<WatchCvmStateArgs["signal"]>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<WatchCvmStateArgs["maxRetries"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error onEvent is a function
    watchCvmState(client, { id: "c", target: "running", onEvent: "log" });
    // @ts-expect-error retryDelay is milliseconds
    watchCvmState(client, { id: "c", target: "running", retryDelay: "5s" });
    const bound = client.extend({ watchCvmState });
    bound.watchCvmState({ id: "c", target: "running", onEvent: (event) => event.type });
  });

  it("the documented errors are the SDK's", () => {
    expectTypeOf<WatchAbortedError>().toExtend<APIUserAbortError>();
    expectTypeOf<MaxRetriesExceededError>().toExtend<CvmStateWatchTimeoutError>();
    expectTypeOf<MaxRetriesExceededError["attempts"]>().toEqualTypeOf<number>();
  });
});
