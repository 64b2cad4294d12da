// `@phala/cloud` as a Worker or browser bundler sees it (build first: turbo runs
// this test after build): the `workerd`, `worker` and `browser` conditions pick
// dist/edge.js, which validates with valibot, so a bundle of one call holds no
// zod; and that entry has every name of the default one. Sizes are bench/'s
// (size.mjs budgets); this checks what is in the bundle and that it works.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(join(packageDir, "package.json"));
/** The slice of esbuild used here (not a dependency of this package: its types are not installed). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    outputFiles: { contents: Uint8Array }[];
    metafile: {
      inputs: Record<string, unknown>;
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
  }>;
}
// esbuild as tsup (which builds every package) has it: no second copy to install.
const esbuild = require(createRequire(require.resolve("tsup")).resolve("esbuild")) as Esbuild;

/** The program of the size budget, with a fetch stub and the error class to test against. */
const PROGRAM = `import { createBaseClient, getCvmInfo, ResponseValidationError } from "@phala/cloud";
export { ResponseValidationError };
export const run = (fetch) => getCvmInfo(createBaseClient({ apiKey: "k", fetch }), { id: "cvm-abc123" });`;

const cvm = {
  id: "51e0ba8d9096",
  name: "cvm-abc123",
  status: "running",
  resource: { vcpu: 2, memory_in_gb: 4, billing_period: "weekly" },
  gateway: { base_domain: "dstack.example", cname: null },
  unknown_new_field: true,
};

const answering = (body: unknown) => async () =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });

interface Bundled {
  run(fetch: () => Promise<Response>): Promise<Record<string, unknown>>;
  ResponseValidationError: new (...args: never[]) => Error & { issues: { path: string }[] };
}

describe("@phala/cloud bundled with the workerd, worker and browser conditions", () => {
  /** Every module the bundler read, and those the bundle holds bytes of. */
  let read: string[] = [];
  let inputs: string[] = [];
  let bundled: Bundled;
  const dir = mkdtempSync(join(tmpdir(), "phala-cloud-edge-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const result = await esbuild.build({
      stdin: { contents: PROGRAM, resolveDir: packageDir, loader: "js" },
      absWorkingDir: packageDir,
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      metafile: true,
      write: false,
      logLevel: "silent",
    });
    read = Object.keys(result.metafile.inputs);
    // What the bundle holds: a module read but dropped whole (the zod schemas the
    // edge entry re-exports for programs that use them) has no bytes in the output.
    inputs = Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    );
    const file = join(dir, "worker.mjs");
    writeFileSync(file, result.outputFiles[0]!.contents);
    bundled = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Bundled;
  });

  it("resolves to dist/edge.js and holds valibot, no zod and no node: import", () => {
    expect(read).toContain("dist/edge.js");
    expect(read).not.toContain("dist/index.js");
    expect(inputs.some((p) => /node_modules\/(\.pnpm\/)?valibot/.test(p))).toBe(true);
    expect(inputs.filter((p) => /node_modules\/(\.pnpm\/)?zod/.test(p))).toEqual([]);
    expect(inputs.filter((p) => p.startsWith("node:"))).toEqual([]);
  });

  it("accepts a valid body, as valibot parses it", async () => {
    const result = await bundled.run(answering(cvm));
    expect(result.name).toBe("cvm-abc123");
    expect(result).not.toHaveProperty("unknown_new_field");
    expect(result.in_progress).toBe(false);
  });

  it("rejects an invalid body with ResponseValidationError, with valibot's issues", async () => {
    const error = await bundled.run(answering({ ...cvm, resource: "2 vCPU" })).catch((e) => e);
    expect(error).toBeInstanceOf(bundled.ResponseValidationError);
    expect(error.issues.map((i: { path: string }) => i.path)).toContain("resource");
    // valibot's wording ("Invalid type: Expected ..."); zod says "Invalid input: expected ...".
    expect(error.message).toMatch(/resource: Invalid type: Expected/);
  });
});

describe("dist/edge: the names of dist/index", () => {
  it.each([
    ["edge.js", "index.js"],
    ["edge.cjs", "index.cjs"],
  ])("dist/%s exports what dist/%s does", async (edge, index) => {
    const load = async (file: string) =>
      Object.keys(
        await import(/* @vite-ignore */ pathToFileURL(join(packageDir, "dist", file)).href),
      )
        .filter((name) => name !== "default" && name !== "module.exports")
        .sort();
    const names = await load(edge);
    expect(names).toEqual(await load(index));
    expect(names).toEqual(expect.arrayContaining(["createClient", "allActions", "getCvmInfo"]));
  });
});
