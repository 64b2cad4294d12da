import type { ReplicateAppCvmResult, ReplicateAppCvmResultV20260522 } from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import { isComposeHashRegistrationRequired } from "../../registration";
import { replicateAppCvm } from "./replicate-app-cvm";

const client = createBaseClient({ apiKey: "k" });

describe("replicateAppCvm", () => {
  it("answers the VM record of the client's version, or the typed 465", async () => {
    const result = await replicateAppCvm(client, { appId: "a", vmUuid: "u" });
    expectTypeOf(result).toEqualTypeOf<ReplicateAppCvmResult>();
    if (!isComposeHashRegistrationRequired(result)) expectTypeOf(result.id).toEqualTypeOf<number>();
    const hashid = await replicateAppCvm(client.withVersion("2026-05-22"), {
      appId: "a",
      vmUuid: "u",
    });
    expectTypeOf(hashid).toEqualTypeOf<ReplicateAppCvmResultV20260522>();
    if (!isComposeHashRegistrationRequired(hashid)) expectTypeOf(hashid.id).toEqualTypeOf<string>();
  });
});
