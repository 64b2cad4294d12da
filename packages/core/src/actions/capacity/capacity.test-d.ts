import type {
  AllFamiliesResponse,
  AvailableNodes,
  FamilyInstanceTypesResponse,
  GetAvailableOsImagesResponse,
  GetOsImagesResponse,
  OsImageVersion,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import {
  getAvailableNodes,
  getAvailableOsImages,
  getOsImages,
  listAllInstanceTypeFamilies,
  listFamilyInstanceTypes,
} from "./index";

const client = createBaseClient({ apiKey: "k" });

describe("capacity action types", () => {
  it("type each result", () => {
    expectTypeOf(getAvailableNodes(client)).resolves.toEqualTypeOf<AvailableNodes>();
    expectTypeOf(listAllInstanceTypeFamilies(client)).resolves.toEqualTypeOf<AllFamiliesResponse>();
    expectTypeOf(
      listFamilyInstanceTypes(client, { family: "cpu" }),
    ).resolves.toEqualTypeOf<FamilyInstanceTypesResponse>();
    expectTypeOf(
      getOsImages(client, { is_dev: true }),
    ).resolves.toEqualTypeOf<GetOsImagesResponse>();
    expectTypeOf(
      getAvailableOsImages(client, { id: "cvm_1" }),
    ).resolves.toEqualTypeOf<GetAvailableOsImagesResponse>();
    expectTypeOf<
      AvailableNodes["nodes"][number]["images"][number]["version"]
    >().toEqualTypeOf<OsImageVersion>();
  });

  it("take one CVM id", () => {
    // @ts-expect-error only one identifier
    getAvailableOsImages(client, { id: "a", name: "b" });
  });
});
