import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import { renameCvm } from "./rename-cvm";

const client = createBaseClient({ apiKey: "k" });
const latest = createBaseClient({ apiKey: "k", version: "latest" });

describe("cvm lifecycle result types", () => {
  it("renameCvm: the hashid and the new name, resolving undefined (204)", () => {
    expectTypeOf(
      renameCvm(client, { id: "cvm_x", name: "my-app" }),
    ).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(
      renameCvm(latest, { id: "cvm_x", name: "my-app" }),
    ).resolves.toEqualTypeOf<undefined>();
    // @ts-expect-error: the CVM is named by its id only
    renameCvm(client, { uuid: "x", name: "my-app" });
    // @ts-expect-error: the new name is required
    renameCvm(client, { id: "cvm_x" });
  });
});
