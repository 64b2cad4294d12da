// The User-Agent carries @phala/cloud-core's version as its build defines it
// (tsup.config.ts reads package.json), not a number written in the source that
// goes stale at the first release. Here core's source is bundled with another
// version defined, and the built package is checked against its package.json.
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createBaseClient } from "@phala/cloud";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const coreDir = join(repo, "packages", "core");

/** A client on a fetch that records the User-Agent and answers 404. */
async function userAgentOf(sdk: {
  createBaseClient: typeof createBaseClient;
}): Promise<string | null> {
  let agent: string | null = null;
  const client = sdk.createBaseClient({
    apiKey: "k",
    baseURL: "http://127.0.0.1:9/api/v1",
    fetch: async (_input, init) => {
      agent = new Headers(init?.headers).get("user-agent");
      return Response.json({ detail: "Not Found" }, { status: 404 });
    },
  });
  await client.request({ path: "/auth/me" }).catch(() => undefined);
  return agent;
}

describe("the User-Agent's version", () => {
  it("is what the build defines", async () => {
    const outfile = join(tmpdir(), `phala-ua-${process.pid}.mjs`);
    try {
      await build({
        entryPoints: [join(coreDir, "src", "index.ts")],
        bundle: true,
        format: "esm",
        platform: "node",
        outfile,
        define: { __PHALA_CLOUD_CORE_VERSION__: JSON.stringify("9.8.7-test") },
        logLevel: "silent",
      });
      const sdk = await import(pathToFileURL(outfile).href);
      expect(await userAgentOf(sdk)).toBe("phala-cloud-sdk-ts/9.8.7-test");
    } finally {
      rmSync(outfile, { force: true });
    }
  });

  it("is @phala/cloud-core's package.json version in the built package", async () => {
    const { version } = JSON.parse(readFileSync(join(coreDir, "package.json"), "utf8"));
    expect(await userAgentOf({ createBaseClient })).toBe(`phala-cloud-sdk-ts/${version}`);
  });
});
