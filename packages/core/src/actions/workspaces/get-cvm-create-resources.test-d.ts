import type { CvmCreateResources, CvmCreateResourcesV20260522 } from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import { getCvmCreateResources } from "./get-cvm-create-resources";

const client = createBaseClient({ apiKey: "k" });

describe("getCvmCreateResources types", () => {
  it("string KMS and gateway ids from 2026-05-22", async () => {
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
});
