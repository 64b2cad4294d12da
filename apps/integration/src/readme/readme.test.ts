// README.md's TypeScript examples, compiled (`tsc -p apps/integration` checks
// ./generated) and run against the mock API, so the README cannot rot.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { extractPrograms, generateFiles, readmePaths } from "./extract";

const here = path.dirname(fileURLToPath(import.meta.url));
const paths = readmePaths(here);
const readme = readFileSync(paths.readme, "utf8");
const REGENERATE = "run node apps/integration/src/readme/generate.mjs";

describe("README.md examples: extraction rules", () => {
  const sample = [
    "# Title",
    "```ts",
    'import { a } from "m";',
    "a();",
    "```",
    "## Every resource",
    "### One",
    "```ts",
    'import { b, a } from "m";',
    "const client = b();",
    "```",
    "<!-- readme-test: skip (a Worker's export default form) -->",
    "```ts",
    "export default { fetch() {} };",
    "```",
    "### Two",
    "```ts",
    'import { c } from "m";',
    'import type { T } from "m";',
    "client.c();",
    "```",
    "## Other",
    "```bash",
    "npm test",
    "```",
    "```typescript",
    "other();",
    "```",
  ].join("\n");

  it("makes one program of the shared section, one of every other block, skips marked ones", () => {
    const programs = extractPrograms(sample);
    expect(programs.map((p) => p.name)).toEqual(["01-intro", "02-every-resource", "03-other"]);
    expect(programs[1]!.imports).toEqual([
      'import { a, b, c } from "m";',
      'import type { T } from "m";',
    ]);
    expect(programs[1]!.body.filter((line) => !line.startsWith("//") && line !== "")).toEqual([
      "const client = b();",
      "client.c();",
    ]);
    expect(programs[2]!.body).toEqual(["other();"]);
  });

  it("refuses a skip marker without a reason", () => {
    expect(() => extractPrograms("<!-- readme-test: skip -->\n```ts\nx();\n```\n")).toThrow(
      /readme-test: skip \(reason\)/,
    );
  });
});

describe("README.md examples: generated programs", () => {
  // Spawns Biome once per program.
  it("are up to date with README.md", { timeout: 120_000 }, () => {
    const expected = generateFiles(readme, here);
    const onDisk = readdirSync(paths.generatedDir)
      .filter((name) => name.endsWith(".ts"))
      .sort();
    expect(onDisk, REGENERATE).toEqual(expected.map((f) => path.basename(f.file)).sort());
    for (const { file, content } of expected) {
      expect(readFileSync(file, "utf8"), `${path.basename(file)}: ${REGENERATE}`).toBe(content);
    }
  });
});

describe("README.md examples: run against the mock API", () => {
  let mock: Awaited<ReturnType<typeof startMockApi>> | undefined;
  beforeAll(async () => {
    mock = await startMockApi({ transitionMs: 50 });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    vi.stubEnv("PHALA_CLOUD_API_PREFIX", mock!.url);
    vi.stubEnv("PHALA_CLOUD_API_KEY", "");
    vi.spyOn(console, "log").mockImplementation(() => {});
    return () => {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    };
  });

  const programs = extractPrograms(readme);
  it("finds the README's examples", () => {
    expect(programs.length).toBeGreaterThan(0);
  });

  for (const program of programs) {
    // "Creating a CVM" waits with `interval: 5`: one 5 s poll of the mock's state stream.
    it(`${program.name} (README.md ${program.title})`, { timeout: 30_000 }, async () => {
      const module: { run: () => Promise<void> } = await import(`./generated/${program.name}.ts`);
      await expect(module.run()).resolves.toBeUndefined();
    });
  }
});
