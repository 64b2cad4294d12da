import type {
  AllFamiliesResponse,
  FamilyInstanceTypesResponse,
  GetOsImagesResponse,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import { getOsImages, listAllInstanceTypeFamilies, listFamilyInstanceTypes } from "./index";

const client = createBaseClient({ apiKey: "k" });

describe("instance type action types", () => {
  it("type each result", () => {
    expectTypeOf(listAllInstanceTypeFamilies(client)).resolves.toEqualTypeOf<AllFamiliesResponse>();
    expectTypeOf(
      listFamilyInstanceTypes(client, { family: "cpu" }),
    ).resolves.toEqualTypeOf<FamilyInstanceTypesResponse>();
    expectTypeOf(
      getOsImages(client, { is_dev: true }),
    ).resolves.toEqualTypeOf<GetOsImagesResponse>();
  });
});
