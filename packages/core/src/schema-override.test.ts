import { type } from "arktype";
import * as v from "valibot";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { getCvmInfo } from "./actions";
import { createBaseClient } from "./client";
import { ResponseValidationError } from "./errors";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "./test-utils";

// Core names no validator: a caller's schema from any Standard Schema library
// replaces the version's, at run time and in the result's type.

const body = { id: "cvm_1", vcpu: "4", tags: ["a"] };

const overrides = {
  zod: {
    ok: z.object({ id: z.string(), vcpu: z.coerce.number() }),
    bad: z.object({ id: z.number() }),
  },
  valibot: {
    ok: v.object({ id: v.string(), vcpu: v.pipe(v.string(), v.transform(Number)) }),
    bad: v.object({ id: v.number() }),
  },
  arktype: {
    // Undeclared keys deleted, as zod and valibot objects do.
    ok: type({ "+": "delete", id: "string", vcpu: "string.numeric.parse" }),
    bad: type({ id: "number" }),
  },
};

function client() {
  const fake = fakeFetch({ body });
  return createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL, fetch: fake.fetch });
}

describe.each(Object.entries(overrides))("a %s schema as the call's schema", (vendor, schemas) => {
  it("validates and transforms the body instead of the version's schema", async () => {
    const data = await getCvmInfo(client(), { id: "cvm_1" }, { schema: schemas.ok });
    expect(data).toEqual({ id: "cvm_1", vcpu: 4 });
    expect(schemas.ok["~standard"].vendor).toBe(vendor);
  });

  it("a body it rejects fails with ResponseValidationError naming the field", async () => {
    const error = await getCvmInfo(client(), { id: "cvm_1" }, { schema: schemas.bad }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toEqual(["id"]);
    expect((error as ResponseValidationError).endpoint).toBe("getCvmInfo");
  });
});

it("the result is typed by the caller's schema, whatever its library", async () => {
  const c = client();
  const fromZod = await getCvmInfo(c, { id: "x" }, { schema: overrides.zod.ok });
  const fromValibot = await getCvmInfo(c, { id: "x" }, { schema: overrides.valibot.ok });
  const fromArktype = await getCvmInfo(c, { id: "x" }, { schema: overrides.arktype.ok });
  expectTypeOf(fromZod).toEqualTypeOf<{ id: string; vcpu: number }>();
  expectTypeOf(fromValibot).toEqualTypeOf<{ id: string; vcpu: number }>();
  expectTypeOf(fromArktype).toEqualTypeOf<{ id: string; vcpu: number }>();
});
