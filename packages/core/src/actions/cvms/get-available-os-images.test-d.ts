import type { GetAvailableOsImagesResponse } from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import { getAvailableOsImages } from "./get-available-os-images";

const client = createBaseClient({ apiKey: "k" });

describe("getAvailableOsImages types", () => {
  it("type the result", () => {
    expectTypeOf(
      getAvailableOsImages(client, { id: "cvm_1" }),
    ).resolves.toEqualTypeOf<GetAvailableOsImagesResponse>();
  });

  it("take one CVM id", () => {
    // @ts-expect-error only one identifier
    getAvailableOsImages(client, { id: "a", name: "b" });
  });
});
