// What importing the built core loads (build first: turbo runs this test after
// build). The default build links the lazy schemas: no zod until a response is
// validated. Which files load, not how long it takes: timing is bench/'s.
import { readFileSync } from "node:fs";
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
const body = { detail: "not a CVM" };
const fetch = async () => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
const client = m.createBaseClient({ apiKey: "k", baseURL: "http://127.0.0.1:9/api/v1", fetch });
const actions = m.getCvmInfo ? m : await import(${JSON.stringify(dist("actions/index.js"))});
const result = await actions.safeGetCvmInfo(client, { id: "cvm-abc123" });
if (result.error?.name !== "ResponseValidationError") throw new Error("not validated");
`;

describe("the default build (zod, linked lazily)", () => {
  it(
    "importing dist/index.js loads no zod; the first validation does",
    async () => {
      const loaded = await modulesLoadedBy(dist("index.js"), CALL);
      expect(packagesIn(loaded.atImport)).not.toContain("zod");
      expect(packagesIn(loaded.afterward)).toContain("zod");
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it.each(["actions/index.js", "index.cjs", "actions/index.cjs"])(
    "importing dist/%s loads no zod",
    async (file) => {
      expect(packagesIn((await modulesLoadedBy(dist(file))).atImport)).not.toContain("zod");
    },
    CHILD_PROCESS_TIMEOUT,
  );
});

describe("the valibot build", () => {
  it(
    "links the valibot schemas statically and never loads zod",
    async () => {
      const loaded = await modulesLoadedBy(dist("valibot/index.js"), CALL);
      expect(packagesIn(loaded.atImport)).toContain("valibot");
      expect(packagesIn(loaded.afterward)).not.toContain("zod");
    },
    CHILD_PROCESS_TIMEOUT,
  );
});

describe("the User-Agent of the built files", () => {
  const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

  it.each(["index.js", "valibot/index.js"])(
    "dist/%s sends phala-cloud-sdk-ts/<package.json version>",
    async (file) => {
      const m = await import(dist(file));
      let agent: string | null = null;
      const fetch = async (_url: string, init: RequestInit) => {
        agent = new Headers(init.headers).get("user-agent");
        return Response.json({ detail: "not found" }, { status: 404 });
      };
      const client = m.createBaseClient({
        apiKey: "k",
        baseURL: "http://127.0.0.1:9/api/v1",
        fetch,
      });
      await client.request({ method: "GET", path: "/auth/me" }).catch(() => undefined);
      expect(agent).toBe(`phala-cloud-sdk-ts/${version}`);
    },
  );
});
