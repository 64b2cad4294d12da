import type { CvmAppCompose } from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import {
  type ComposeFileMethods,
  getCvmComposeFile,
  safeGetCvmComposeFile,
} from "./get-cvm-compose-file";

const client = createBaseClient({ apiKey: "k" });

describe("getCvmComposeFile types", () => {
  it("types the docs' getHash() and toString() on the result", async () => {
    const compose = await getCvmComposeFile(client, { id: "my-app" });
    expectTypeOf(compose.docker_compose_file).toEqualTypeOf<string>();
    expectTypeOf(compose.getHash()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(compose.getHash({ normalize: true })).toEqualTypeOf<Promise<string>>();
    expectTypeOf(compose.toString()).toEqualTypeOf<string>();
    // @ts-expect-error getHash takes getComposeHash's options
    compose.getHash({ sort: true });
    expectTypeOf(await safeGetCvmComposeFile(client, { id: "x" })).toEqualTypeOf<
      SafeResult<CvmAppCompose & ComposeFileMethods>
    >();
    const older = createBaseClient({ apiKey: "k", version: "2025-10-28" });
    expectTypeOf(await getCvmComposeFile(older, { id: "x" })).toEqualTypeOf<
      CvmAppCompose & ComposeFileMethods
    >();
    const bound = client.extend({ getCvmComposeFile });
    expectTypeOf(bound.getCvmComposeFile({ id: "x" })).resolves.toHaveProperty("getHash");
  });

  it("the caller's schema (or none) gives the caller's type, without the methods", () => {
    expectTypeOf(
      getCvmComposeFile(client, { id: "x" }, { schema: false }),
    ).resolves.toEqualTypeOf<unknown>();
  });
});
