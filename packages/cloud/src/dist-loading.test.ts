// What importing the built `@phala/cloud` loads in Node (build first: turbo runs
// this test after build): the `node` condition's entry loads neither zod nor
// undici until the first request; the schemas are at `@phala/cloud/schemas`.
// Which files load, not how long it takes: timing is bench/'s.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CHILD_PROCESS_TIMEOUT,
  modulesLoadedBy,
  packagesIn,
} from "../../schemas/src/loaded-modules.test-support";

const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

// A getCvmInfo call on a fake fetch, validated by the version's schema.
const CALL = `
const fetch = async () => new Response(JSON.stringify({ detail: "not a CVM" }), { headers: { "content-type": "application/json" } });
const client = m.createClient({ apiKey: "k", baseURL: "http://127.0.0.1:9/api/v1", fetch });
const result = await client.safeGetCvmInfo({ id: "cvm-abc123" });
if (result.error?.name !== "ResponseValidationError") throw new Error("not validated");
`;

describe.each([
  ["node.js", "node (ESM)"],
  ["node.cjs", "node (CommonJS)"],
  ["deno.js", "deno"],
  ["index.js", "default"],
])("@phala/cloud: dist/%s, the %s entry", (file) => {
  it(
    "importing it loads neither zod nor undici; the first validation loads zod",
    async () => {
      const loaded = await modulesLoadedBy(dist(file), CALL);
      expect(packagesIn(loaded.atImport)).toEqual([]);
      expect(packagesIn(loaded.afterward)).toContain("zod");
    },
    CHILD_PROCESS_TIMEOUT,
  );
});

describe.each([["node.js"], ["node.cjs"], ["deno.js"], ["index.js"]])(
  "@phala/cloud: dist/%s, the root's schema values",
  (file) => {
    it(
      "load zod at their first use, not at import",
      async () => {
        const loaded = await modulesLoadedBy(
          dist(file),
          `const picked = m.CvmInfoV20260121Schema.pick({ name: true });
if (picked.parse({ name: "a", status: "x" }).status !== undefined) throw new Error("not picked");`,
        );
        expect(packagesIn(loaded.atImport)).toEqual([]);
        expect(packagesIn(loaded.afterward)).toContain("zod");
      },
      CHILD_PROCESS_TIMEOUT,
    );
  },
);

describe("@phala/cloud/schemas", () => {
  it.each(["schemas.js", "schemas.cjs"])(
    "dist/%s exports the zod schemas",
    async (file) => {
      const loaded = await modulesLoadedBy(
        dist(file),
        `if (typeof m.getCvmInfoResponseSchemas["2026-01-21"].parse !== "function") throw new Error("not zod");`,
      );
      expect(packagesIn(loaded.atImport)).toContain("zod");
    },
    CHILD_PROCESS_TIMEOUT,
  );
});
