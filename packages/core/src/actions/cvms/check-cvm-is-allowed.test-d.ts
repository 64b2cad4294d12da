import type { CvmIsAllowedResult } from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import { checkCvmIsAllowed } from "./check-cvm-is-allowed";

const client = createBaseClient({ apiKey: "k" });

describe("checkCvmIsAllowed types", () => {
  it("resolves the is-allowed result", async () => {
    expectTypeOf(await checkCvmIsAllowed(client, { id: "c" })).toEqualTypeOf<CvmIsAllowedResult>();
    expectTypeOf<CvmIsAllowedResult["cvm_id"]>().toEqualTypeOf<number | null>();
  });

  it("CVM ids: numbers until 2026-01-21, cvm_... hashids from 2026-05-22", async () => {
    const hashids = createBaseClient({ apiKey: "k", version: "2026-05-22" });
    const allowed = await checkCvmIsAllowed(hashids, { id: "c" });
    expectTypeOf(allowed.cvm_id).toEqualTypeOf<string | null>();
    expectTypeOf((await checkCvmIsAllowed(client, { id: "c" })).cvm_id).toEqualTypeOf<
      number | null
    >();
    expectTypeOf(
      (await checkCvmIsAllowed(client, { id: "c" }, { version: "2026-05-22" })).cvm_id,
    ).toEqualTypeOf<string | null>();
    expectTypeOf(
      (await checkCvmIsAllowed(client.withVersion("latest"), { id: "c" })).cvm_id,
    ).toEqualTypeOf<string | null>();
  });

  it("types the arguments", () => {
    // @ts-expect-error name the CVM once
    checkCvmIsAllowed(client, { id: "c", cvmId: "d" });
  });
});
