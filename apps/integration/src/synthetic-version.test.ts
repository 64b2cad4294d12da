// Adding an API version is one change module and one registry line: nothing
// else is edited. A synthetic version, defined here as the change module a
// developer would write (versions/ops.mjs), is appended to the registry; the
// SDK's schemas are generated for it (packages/schemas/scripts/synthetic.mjs)
// and the SDK's own sources compiled against them, unchanged. The version then
// has its types (tsc), its schemas and header (the SDK called against the mock),
// and its rendering in the mock (the same change data, through `versionChanges`).
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startMockApi } from "@phala/cloud-mock-api";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const schemasPackage = join(repo, "packages", "schemas");
const core = join(repo, "packages", "core", "src", "index.ts");
// create-client.ts binds the package's own `actions` entry: the sources', not the build's.
const coreActions = join(repo, "packages", "core", "src", "actions", "index.ts");
const { writeSyntheticSchemas } = await import(
  pathToFileURL(join(schemasPackage, "scripts", "synthetic.mjs")).href
);
const { renameField, version } = await import(
  pathToFileURL(join(schemasPackage, "versions", "ops.mjs")).href
);

/** The change module: one field of one endpoint's answer renamed. */
const SYNTHETIC = version("2099-01-01", "A synthetic version: the workspace's tier is its plan.", [
  renameField("CvmCreateResources", "tier", "plan", {
    note: "`GET /teepods/cvm-create-resources` calls the workspace's tier `plan`.",
    migration: "Read `resources.plan` for `resources.tier`.",
  }),
]);

let synthetic: { dir: string; src: string; versions: string[]; versionChanges: unknown[] };

beforeAll(() => {
  synthetic = writeSyntheticSchemas({ name: "synthetic-version-test", changes: [SYNTHETIC] });
});

afterAll(() => {
  rmSync(synthetic.dir, { recursive: true, force: true });
});

describe("a synthetic version, one change module and one registry line", () => {
  it("is in the registry, after the SDK's own", () => {
    expect(synthetic.versions.at(-1)).toBe("2099-01-01");
    expect(synthetic.versions.slice(0, -1)).toContain("2026-06-23");
  });

  it("types its answers: the SDK's sources compile against its schemas", () => {
    const consumer = join(synthetic.dir, "consumer.ts");
    writeFileSync(
      consumer,
      [
        'import { createBaseClient, getCvmCreateResources } from "@phala/cloud-core";',
        'const client = createBaseClient({ apiKey: "k", version: "2099-01-01" });',
        "export async function run() {",
        "  const resources = await getCvmCreateResources(client);",
        "  const renamed: string = resources.plan;",
        "  // @ts-expect-error renamed in 2099-01-01",
        "  resources.tier;",
        '  const before = await getCvmCreateResources(client, undefined, { version: "2026-06-23" });',
        "  const name: string = before.tier;",
        "  // @ts-expect-error not there before 2099-01-01",
        "  before.plan;",
        "  // @ts-expect-error not a version of this registry",
        '  createBaseClient({ apiKey: "k", version: "2099-02-02" });',
        "  return [renamed, name];",
        "}",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(synthetic.dir, "tsconfig.json"),
      JSON.stringify({
        extends: join(repo, "tsconfig.base.json"),
        compilerOptions: {
          baseUrl: synthetic.dir,
          skipLibCheck: true,
          types: [],
          paths: {
            "@phala/cloud-core": [core],
            "@phala/cloud-core/actions": [coreActions],
            "@phala/cloud-schemas": [join(synthetic.src, "index.ts")],
          },
        },
        files: ["consumer.ts"],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const run = () =>
      execFileSync(process.execPath, [tsc, "-p", join(synthetic.dir, "tsconfig.json")], {
        encoding: "utf8",
        stdio: "pipe",
      });
    expect(run).not.toThrow();
  }, 120_000);

  it("sends its header, validates with its schemas, and the mock renders it", async () => {
    // The SDK's core, unchanged, bundled with the schemas generated for the registry.
    const program = join(synthetic.dir, "program.mjs");
    await build({
      stdin: {
        contents:
          'export { createBaseClient, getCvmCreateResources, API_VERSIONS } from "@phala/cloud-core";',
        resolveDir: synthetic.dir,
        loader: "ts",
      },
      bundle: true,
      format: "esm",
      platform: "node",
      outfile: program,
      alias: {
        "@phala/cloud-core": core,
        "@phala/cloud-core/actions": coreActions,
        "@phala/cloud-schemas": join(synthetic.src, "index.ts"),
      },
      logLevel: "silent",
    });
    const sdk = await import(pathToFileURL(program).href);
    expect(sdk.API_VERSIONS.at(-1)).toBe("2099-01-01");

    const mock = await startMockApi({
      versionChanges: synthetic.versionChanges.slice(-1) as never,
    });
    try {
      const sent: string[] = [];
      const fetchRecording: typeof fetch = (input, init) => {
        sent.push(new Headers(init?.headers).get("x-phala-version") ?? "");
        return fetch(input, init);
      };
      const client = sdk.createBaseClient({
        apiKey: "k",
        baseURL: mock.url,
        version: "2099-01-01",
        fetch: fetchRecording,
      });
      const resources = await sdk.getCvmCreateResources(client);
      const before = await sdk.getCvmCreateResources(client, undefined, {
        version: "2026-06-23",
      });
      expect(sent).toEqual(["2099-01-01", "2026-06-23"]);
      expect(resources).toHaveProperty("plan", before.tier);
      expect(resources).not.toHaveProperty("tier");
      expect(before).not.toHaveProperty("plan");
    } finally {
      await mock.close();
    }
  }, 120_000);
});
