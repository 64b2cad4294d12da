import type {
  AppInstance,
  ComposeHashRegistrationRequired,
  CreateAppInstanceResult,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import { isComposeHashRegistrationRequired } from "../../registration";
import { createAppInstance } from "./create-app-instance";

const client = createBaseClient({ apiKey: "k" });
const legacy = createBaseClient({ apiKey: "k", version: "2025-10-28" });

describe("createAppInstance result types", () => {
  it("the instance or the 465 answer, told apart by the guard", async () => {
    expectTypeOf<CreateAppInstanceResult>().toEqualTypeOf<
      ComposeHashRegistrationRequired | AppInstance
    >();
    const result = await createAppInstance(legacy, { appId: "a" });
    if (isComposeHashRegistrationRequired(result)) {
      expectTypeOf(result).toEqualTypeOf<ComposeHashRegistrationRequired>();
      expectTypeOf(result.status).toEqualTypeOf<"precondition_required">();
      expectTypeOf(result.compose_hash).toEqualTypeOf<string>();
      expectTypeOf(result.commit_token).toEqualTypeOf<string | null>();
    } else {
      expectTypeOf(result).toEqualTypeOf<AppInstance>();
      expectTypeOf(result.vm_uuid).toEqualTypeOf<string | null>();
    }
    const settled = await createAppInstance(client, { appId: "a" }, { schema: false });
    expectTypeOf(settled).toBeUnknown();
    if (isComposeHashRegistrationRequired(settled)) {
      expectTypeOf(settled).toEqualTypeOf<ComposeHashRegistrationRequired>();
    }
  });
});
