import type {
  ComposeHashRegistrationRequired,
  CvmVm,
  CvmVmV20260522,
  ReplicateCvmResult,
  ReplicateCvmResultV20260522,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import { isComposeHashRegistrationRequired } from "../../registration";
import { replicateCvm } from "./replicate-cvm";

const client = createBaseClient({ apiKey: "k" });

describe("cvm lifecycle result types", () => {
  it("replicateCvm: the VM record or the 465 answer, told apart by the guard", async () => {
    expectTypeOf(
      replicateCvm(client, { id: "x", node_id: 1, prepareOnly: true }),
    ).resolves.toEqualTypeOf<ReplicateCvmResult>();
    expectTypeOf<ReplicateCvmResultV20260522>().toEqualTypeOf<
      CvmVmV20260522 | ComposeHashRegistrationRequired
    >();
    expectTypeOf<ReplicateCvmResult>().toEqualTypeOf<CvmVm | ComposeHashRegistrationRequired>();
    const result = await replicateCvm(client, { id: "x" });
    if (isComposeHashRegistrationRequired(result)) {
      expectTypeOf(result.commit_token).toEqualTypeOf<string | null>();
    } else {
      expectTypeOf(result).toEqualTypeOf<CvmVm>();
    }
  });
});
