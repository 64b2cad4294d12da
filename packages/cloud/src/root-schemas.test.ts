// The root entry's schema values (Phala's JS SDK reference imports them from
// `@phala/cloud`): stand-ins in Node and Deno that become the real zod schemas
// at first use, the real ones re-exported on the edge.
import * as schemas from "@phala/cloud-schemas";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as edge from "./edge";
import * as root from "./node";
import { schemaValue } from "./schema-value";

const zodSchemaNames = Object.keys(schemas).filter((name) => {
  const value = (schemas as Record<string, unknown>)[name];
  return name.endsWith("Schema") && typeof value === "object" && value !== null && "_zod" in value;
});

const exported = (entry: Record<string, unknown>, name: string) => entry[name];

describe("the root's schema values", () => {
  it("are every zod schema of @phala/cloud-schemas, in Node and on the edge", () => {
    expect(zodSchemaNames.length).toBeGreaterThan(150);
    for (const name of zodSchemaNames) {
      expect(typeof exported(root, name), name).toBe("object");
      // The edge entry gives the very objects.
      expect(exported(edge, name), name).toBe(exported(schemas, name));
    }
  });

  it("work as the zod schemas they stand for", () => {
    const schema = root.CvmInfoV20260121Schema;
    const real = schemas.CvmInfoV20260121Schema;
    expect(schema).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(schema.shape)).toEqual(Object.keys(real.shape));
    expect("~standard" in schema).toBe(true);
    expect(schema["~standard"].vendor).toBe("zod");
    expect(Object.keys(schema)).toEqual(Object.keys(real));

    const picked = schema.pick({ name: true, status: true });
    expect(picked.parse({ name: "web", status: "running", extra: 1 })).toEqual({
      name: "web",
      status: "running",
    });
    expect(schema.safeParse({}).success).toBe(false);
    const extended = schema.extend({ mine: z.string() });
    expect(Object.keys(extended.shape)).toContain("mine");
  });

  it("validate as the `schema` option of an action", async () => {
    const body = { name: "web", status: "running", id: "ignored" };
    const fetch = async () =>
      new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    const client = root.createClient({ apiKey: "k", baseURL: "http://127.0.0.1:9/api/v1", fetch });
    const picked = root.CvmInfoV20260121Schema.pick({ name: true, status: true });
    await expect(client.getCvmInfo({ id: "web" }, { schema: picked })).resolves.toEqual({
      name: "web",
      status: "running",
    });
    const failed = await client.safeGetCvmInfo(
      { id: "web" },
      { schema: root.CurrentUserV20260121Schema },
    );
    expect(failed.error?.name).toBe("ResponseValidationError");
  });

  it("name the schema a stand-in cannot find, at its first use", () => {
    const missing = schemaValue<{ parse: unknown }>("NoSuchSchema");
    expect(() => missing.parse).toThrow(
      new TypeError("@phala/cloud-schemas has no schema named NoSuchSchema"),
    );
  });
});
