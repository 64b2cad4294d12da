// What importing the built adapter loads (build first: turbo runs this test
// after build): neither undici nor zod until the first request. Which files
// load, not how long it takes: timing is bench/'s.
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  CHILD_PROCESS_TIMEOUT,
  modulesLoadedBy,
  packagesIn,
} from "../../schemas/src/loaded-modules.test-support";
import { startTestApi, type TestApi } from "./test-utils";

const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

let server: TestApi | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(["index.js", "index.cjs"])("@phala/cloud-node (dist/%s)", (file) => {
  it(
    "importing it loads neither undici nor zod; the first request loads both",
    async () => {
      server = await startTestApi();
      const loaded = await modulesLoadedBy(
        dist(file),
        `const client = m.createClient({ apiKey: "phak_test", baseURL: ${JSON.stringify(server.baseURL)}, proxy: false });
      const me = await client.getCurrentUser();
      if (me.workspace.slug !== "acme") throw new Error("unexpected body");`,
      );
      expect(packagesIn(loaded.atImport)).toEqual([]);
      expect(packagesIn(loaded.afterward)).toEqual(expect.arrayContaining(["undici", "zod"]));
      expect(server.requests).toHaveLength(1);
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    "the schemas subpath has the zod schemas",
    async () => {
      const loaded = await modulesLoadedBy(
        dist(file.replace("index", "schemas")),
        `if (typeof m.CvmInfoV20260121Schema.parse !== "function") throw new Error("not zod");`,
      );
      expect(packagesIn(loaded.atImport)).toContain("zod");
    },
    CHILD_PROCESS_TIMEOUT,
  );
});
