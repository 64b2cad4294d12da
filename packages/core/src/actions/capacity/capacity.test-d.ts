import type {
  AllFamiliesResponse,
  AvailableNodes,
  CvmCreateResources,
  CvmCreateResourcesV20260522,
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
  getCvmCreateResources,
  getOsImages,
  listAllInstanceTypeFamilies,
  listFamilyInstanceTypes,
} from "./index";

const client = createBaseClient({ apiKey: "k" });

describe("capacity action types", () => {
  it("getCvmCreateResources: string KMS and gateway ids from 2026-05-22", async () => {
    expectTypeOf(getCvmCreateResources(client)).resolves.toEqualTypeOf<CvmCreateResources>();
    const latest = createBaseClient({ apiKey: "k", version: "latest" });
    expectTypeOf(
      getCvmCreateResources(latest),
    ).resolves.toEqualTypeOf<CvmCreateResourcesV20260522>();
    expectTypeOf(
      getCvmCreateResources(client, {}, { version: "2026-05-22" }),
    ).resolves.toEqualTypeOf<CvmCreateResourcesV20260522>();
    const resources = await getCvmCreateResources(latest);
    expectTypeOf(resources.kms_nodes[0]!.id).toEqualTypeOf<string>();
    expectTypeOf(resources.nodes[0]!.teepod_id).toEqualTypeOf<number>();
    const old = await getCvmCreateResources(client);
    expectTypeOf(old.kms_nodes[0]!.id).toEqualTypeOf<string | number>();
    // @ts-expect-error: it takes no arguments
    getCvmCreateResources(client, { region: "us" });
  });

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
