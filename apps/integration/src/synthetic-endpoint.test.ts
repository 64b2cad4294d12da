// Adding an endpoint is the recipe of CONTRIBUTING.md ("Add an endpoint"), and
// this test follows it: it reads the recipe's code blocks (each starts with a
// comment naming its file) and applies them to temporary copies of
// packages/schemas, packages/core and apps/mock-api (`.synthetic/`, ignored by
// git; nothing of the repository is edited). The contract blocks and the
// declaration go to the real generator (packages/schemas/scripts/synthetic.mjs);
// the action and the mock route are written as the recipe shows them, and the
// two `index.ts` lines added. The endpoint then has its types (tsc on a
// consumer), and the SDK, bundled with esbuild with the generated schemas (zod,
// and valibot as the edge build links them), calls the mock's new route. A
// recipe that no longer works fails here.
//
// Not exercised: step 7 (apps/contract's ACTION_CASES; only that its case names
// the operation of step 1 and that its call reaches it) and step 8 (the README
// row, the changeset, the type-cost benchmark's consumer): text and data that
// only the repository's own checks (apps/contract's requests.test.ts, changeset
// status, bench:types:check) hold.
import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { validateAgainst } from "@phala/cloud-contract";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const NAME = "synthetic-endpoint-test";
/** The recipe's example: its action and the operation it calls. */
const ACTION = "getCvmSyntheticProbe";
const OPERATION = "GET /cvms/{cvm_id}/synthetic-probe";

const { writeSyntheticSchemas } = await import(
  pathToFileURL(join(repo, "packages/schemas/scripts/synthetic.mjs")).href
);
const { hand, shape } = await import(
  pathToFileURL(join(repo, "packages/schemas/versions/ops.mjs")).href
);

/** The recipe's blocks this test follows, by their first line (`// <file>[, in <where>]`). */
const STEPS = {
  operation: 'contract/exceptions.json, in "operations"',
  contractSchema: 'contract/exceptions.json, in "schemas"',
  shape: "packages/schemas/scripts/wire-shapes.mjs, in WIRE_FILES.cvms",
  declaration: "packages/schemas/versions/2025-10-28.mjs, in BASE_ENDPOINTS",
  action: "packages/core/src/actions/cvms/get-cvm-synthetic-probe.ts",
  actionExport: "packages/core/src/actions/cvms/index.ts",
  route: "apps/mock-api/src/routes/cvms/synthetic-probe.ts",
  routeRegistration: "apps/mock-api/src/routes/cvms/index.ts",
  contractCase: "apps/contract/src/cases.ts, in ACTION_CASES",
} as const;
/** The files the recipe creates; the others are files it edits. */
const CREATED: readonly string[] = [STEPS.action, STEPS.route];

/** The code blocks of CONTRIBUTING.md that start with `// <key>`, without that line or their indent. */
function recipeBlocks(): Map<string, string> {
  const text = readFileSync(join(repo, "CONTRIBUTING.md"), "utf8");
  const blocks = new Map<string, string>();
  for (const match of text.matchAll(/^( *)```\w*\n([\s\S]*?)^\1```/gm)) {
    const indent = match[1]!;
    const lines = match[2]!
      .split("\n")
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
    const key = lines[0]?.match(/^\/\/ (.+)$/)?.[1];
    if (key) blocks.set(key, `${lines.slice(1).join("\n").trim()}\n`);
  }
  return blocks;
}

const blocks = recipeBlocks();
function step(key: string): string {
  const text = blocks.get(key);
  if (text === undefined) throw new Error(`CONTRIBUTING.md has no code block starting // ${key}`);
  return text;
}
const fileOf = (key: string) => key.split(", in ")[0]!;

// The recipe's data, as the files it edits would hold it.
const operation = JSON.parse(step(STEPS.operation));
const contractSchemas: Record<string, object> = JSON.parse(`{${step(STEPS.contractSchema)}}`);
const shapes: object[] = new Function(`return [${step(STEPS.shape)}];`)();
const declarations: Record<string, unknown> = new Function(
  "shape",
  "hand",
  `return {${step(STEPS.declaration)}};`,
)(shape, hand);
const shapeFile = STEPS.shape.split("WIRE_FILES.")[1]!;

/** A copy of a package's sources (tests left out) inside the package, so its dependencies resolve. */
const copies = new Map<string, string>();
function copyPackage(path: string): string {
  const dir = join(repo, path, ".synthetic", NAME);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(repo, path, "src"), join(dir, "src"), {
    recursive: true,
    filter: (source) => !/\.test(-d)?\.ts$|\.test-support\.ts$/.test(source),
  });
  copies.set(path, dir);
  return dir;
}
/** Where a file of the repository is in the copies. */
function inCopy(file: string): string {
  for (const [path, dir] of copies) {
    if (file.startsWith(`${path}/`)) return join(dir, file.slice(path.length + 1));
  }
  throw new Error(`${file} is in no copied package`);
}

/**
 * Step 6's registration: its imports after the file's imports, its calls at the
 * end of the file's one `register...Routes` function.
 */
function addRegistration(file: string, lines: string): void {
  let text = readFileSync(file, "utf8");
  const given = lines.split("\n").filter((line) => line.trim() !== "");
  const imports = given.filter((line) => line.startsWith("import "));
  const calls = given
    .filter((line) => !line.startsWith("import "))
    .map((line) => `  ${line.replace(/\s*\/\/.*$/, "")}`);
  const lastImport = [...text.matchAll(/^import [^;]+;$/gm)].at(-1);
  if (!lastImport) throw new Error(`${file}: no import`);
  const afterImports = lastImport.index + lastImport[0].length;
  text = `${text.slice(0, afterImports)}\n${imports.join("\n")}${text.slice(afterImports)}`;
  const registers = [...text.matchAll(/^export function register\w+Routes\(/gm)];
  if (registers.length !== 1) throw new Error(`${file}: not one register...Routes function`);
  const end = text.indexOf("\n}", registers[0]!.index);
  text = `${text.slice(0, end)}\n${calls.join("\n")}${text.slice(end)}`;
  writeFileSync(file, text);
}

let synthetic: { dir: string; src: string; versions: string[]; endpoints: string[] };
let core: string;
let mockApi: string;

beforeAll(() => {
  // Steps 1 to 4: the contract's schema, the named shape and the declaration, generated.
  synthetic = writeSyntheticSchemas({
    name: NAME,
    contractSchemas,
    shapes: { [shapeFile]: shapes },
    endpoints: declarations,
  });
  // Step 5: the action's file and its export.
  core = copyPackage("packages/core");
  writeFileSync(inCopy(STEPS.action), step(STEPS.action));
  appendFileSync(inCopy(STEPS.actionExport), step(STEPS.actionExport));
  // Step 6: the mock's route and its registration.
  mockApi = copyPackage("apps/mock-api");
  writeFileSync(inCopy(STEPS.route), step(STEPS.route));
  addRegistration(inCopy(STEPS.routeRegistration), step(STEPS.routeRegistration));
});

afterAll(() => {
  for (const dir of [synthetic?.dir, ...copies.values()]) {
    if (!dir) continue;
    rmSync(dir, { recursive: true, force: true });
    // `.synthetic/` itself, unless another test's copy is in it (or just arrived).
    try {
      if (readdirSync(dirname(dir)).length === 0) rmdirSync(dirname(dir));
    } catch {
      // left to that test
    }
  }
});

/** The SDK's core from the copy, with the generated schemas of `schemas` (an entry of the copy). */
async function bundleSdk(name: string, schemas: string) {
  const outfile = join(core, `${name}.mjs`);
  const { metafile } = await build({
    stdin: { contents: 'export * from "./src/index.ts";', resolveDir: core, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "node",
    outfile,
    alias: {
      // create-client.ts binds the package's own `actions` entry: the copy's.
      "@phala/cloud-core/actions": join(core, "src", "actions", "index.ts"),
      "@phala/cloud-schemas": schemas,
    },
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(metafile.inputs);
  const validators = ["zod", "valibot"].filter((name) =>
    inputs.some((input) => input.includes(`/node_modules/${name}/`)),
  );
  return { sdk: await import(pathToFileURL(outfile).href), validators };
}

describe("a synthetic endpoint, added as CONTRIBUTING.md says", () => {
  it("names files as they are: those it edits exist, with what it edits in them", () => {
    for (const key of Object.values(STEPS)) {
      const file = join(repo, fileOf(key));
      if (CREATED.includes(key)) {
        expect(existsSync(dirname(file)), key).toBe(true);
        expect(existsSync(file), `${key} exists already`).toBe(false);
        continue;
      }
      expect(existsSync(file), key).toBe(true);
      const where = key.split(", in ")[1];
      const text = readFileSync(file, "utf8");
      for (const part of where?.split(".") ?? []) expect(text, key).toContain(part);
    }
    expect(`${operation.method} ${operation.path}`).toBe(OPERATION);
    expect(Object.keys(declarations)).toEqual([ACTION]);
  });

  it("gets its schemas from the generator, in every version and both validators", () => {
    expect(synthetic.endpoints).toContain(ACTION);
    for (const table of ["endpoints.ts", "valibot/endpoints.ts"]) {
      expect(readFileSync(join(synthetic.src, table), "utf8")).toContain(
        `export const ${ACTION}ResponseSchemas`,
      );
    }
    // Nothing else changed: the same versions as the SDK's.
    expect(synthetic.versions).toContain("2026-06-23");
  });

  it("is typed in every version, bound to createClient, and refuses wrong arguments (tsc)", () => {
    const consumer = join(core, "consumer.ts");
    const versions = synthetic.versions;
    writeFileSync(
      consumer,
      [
        'import type { CvmSyntheticProbe, ResponseMap } from "@phala/cloud-schemas";',
        "import {",
        "  createBaseClient,",
        "  createClient,",
        `  ${ACTION},`,
        "  safeGetCvmSyntheticProbe,",
        '} from "@phala/cloud-core";',
        "",
        "type Equal<A, B> =",
        "  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
        "// One table entry per version, each the generated shape.",
        `export const everyVersion: [${versions
          .map((version) => `Equal<ResponseMap["${version}"]["${ACTION}"], CvmSyntheticProbe>`)
          .join(", ")}] = [${versions.map(() => "true").join(", ")}];`,
        "",
        "export async function run() {",
        '  const client = createClient({ apiKey: "k", version: "2025-10-28" });',
        `  const probe = await client.${ACTION}({ id: "cvm_1" });`,
        "  const bound: Equal<typeof probe, CvmSyntheticProbe> = true;",
        '  const base = createBaseClient({ apiKey: "k" });',
        `  const perCall = await ${ACTION}(base, { name: "web" }, { version: "2026-06-23" });`,
        "  const id: string = perCall.cvm_id;",
        "  const ok: boolean = perCall.ok;",
        "  // @ts-expect-error not a field of the answer",
        "  perCall.status;",
        `  const raw = await ${ACTION}(base, { id: "cvm_1" }, { schema: false });`,
        "  const unvalidated: Equal<typeof raw, unknown> = true;",
        '  const settled = await safeGetCvmSyntheticProbe(base, { id: "cvm_1" });',
        "  const safeOk: boolean | undefined = settled.success ? settled.data.ok : undefined;",
        "  // @ts-expect-error a CVM is named by id, uuid, app_id, instance_id or name",
        `  await ${ACTION}(base, { cvm: "cvm_1" });`,
        "  // @ts-expect-error by one of them only",
        `  await ${ACTION}(base, { id: "cvm_1", name: "web" });`,
        "  // @ts-expect-error the CVM must be named",
        `  await ${ACTION}(base);`,
        "  // @ts-expect-error a string, not a number",
        `  await client.${ACTION}({ id: 1 });`,
        "  // @ts-expect-error not a version of the registry",
        `  await ${ACTION}(base, { id: "cvm_1" }, { version: "2099-01-01" });`,
        "  return [bound, id, ok, unvalidated, safeOk];",
        "}",
        "",
      ].join("\n"),
    );
    writeFileSync(
      // Not `tsconfig.json`: esbuild would apply its `paths` to the bundles below.
      join(core, "tsconfig.synthetic.json"),
      JSON.stringify({
        extends: join(repo, "tsconfig.base.json"),
        compilerOptions: {
          skipLibCheck: true,
          types: ["node"],
          paths: {
            "@phala/cloud-core": [join(core, "src", "index.ts")],
            "@phala/cloud-core/actions": [join(core, "src", "actions", "index.ts")],
            "@phala/cloud-schemas": [join(synthetic.src, "index.ts")],
          },
        },
        // The mock's route too: its body is typed by the generated schema.
        files: [consumer, inCopy(STEPS.route)],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const run = () => {
      try {
        execFileSync(process.execPath, [tsc, "-p", join(core, "tsconfig.synthetic.json")], {
          encoding: "utf8",
          stdio: "pipe",
        });
        return "";
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    };
    expect(run()).toBe("");
  }, 120_000);

  it("sends its request, validates the mock's answer, and refuses a wrong body", async () => {
    const zodBundle = await bundleSdk("sdk-zod", join(synthetic.src, "index.ts"));
    const valibotBundle = await bundleSdk(
      "sdk-valibot",
      join(synthetic.src, "valibot", "index.ts"),
    );
    expect(zodBundle.validators).toEqual(["zod"]);
    expect(valibotBundle.validators).toEqual(["valibot"]);
    const zod = zodBundle.sdk;
    const valibot = valibotBundle.sdk;
    const mockProgram = join(mockApi, "mock.mjs");
    await build({
      stdin: {
        contents:
          'export { startMockApi } from "./src/server.ts";\nexport { SEED } from "./src/seed.ts";',
        resolveDir: mockApi,
        loader: "ts",
      },
      bundle: true,
      format: "esm",
      platform: "node",
      outfile: mockProgram,
      alias: { "@phala/cloud-schemas": join(synthetic.src, "index.ts") },
      logLevel: "silent",
    });
    const { SEED, startMockApi } = await import(pathToFileURL(mockProgram).href);

    const received: { method: string; path: string; version: string | null }[] = [];
    const answers: string[] = [];
    const mock = await startMockApi({
      onRequest: (request: { method: string; url: string; headers: Headers }) => {
        received.push({
          method: request.method,
          path: new URL(request.url).pathname,
          version: request.headers.get("x-phala-version"),
        });
      },
      onResponse: (exchange: { text: string }) => answers.push(exchange.text),
    });
    try {
      const cvm = SEED.exampleCvm.id as string;
      const expected = { cvm_id: cvm, ok: mock.state.cvms.get(cvm).status === "running" };
      const path = `/api/v1/cvms/${cvm}/synthetic-probe`;
      const config = (version?: string) => ({
        apiKey: SEED.apiKeys.demo,
        baseURL: mock.url,
        version,
        maxRetries: 0,
      });

      // Every version: the client's own version is sent (the endpoint is in every one).
      for (const sdk of [zod, valibot]) {
        for (const version of synthetic.versions) {
          received.length = 0;
          answers.length = 0;
          const client = sdk.createBaseClient(config(version));
          await expect(sdk[ACTION](client, { id: cvm })).resolves.toEqual(expected);
          expect(received).toEqual([{ method: "GET", path, version }]);
          // The mock's answer has the contract's shape (step 1).
          expect(
            validateAgainst(contractSchemas.CvmSyntheticProbe!, JSON.parse(answers[0]!)),
          ).toEqual([]);
        }
      }

      // A method of createClient, a safe twin, a per-call version.
      const client = zod.createClient(config());
      await expect(client[ACTION]({ name: SEED.exampleCvm.name })).resolves.toEqual(expected);
      await expect(zod.safeGetCvmSyntheticProbe(client, { id: cvm })).resolves.toEqual({
        success: true,
        data: expected,
      });
      received.length = 0;
      await client[ACTION]({ id: cvm }, { version: "2025-10-28" });
      expect(received[0]?.version).toBe("2025-10-28");

      // The contract case of step 7 names the operation of step 1, and its call reaches it.
      const cases = new Function("CVM", `return {${step(STEPS.contractCase)}};`)({ id: cvm });
      expect(cases[ACTION].operation).toBe(OPERATION);
      received.length = 0;
      await client[ACTION](cases[ACTION].calls[0]);
      const template = new RegExp(`^/api/v1${operation.path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
      expect(received[0]?.path).toMatch(template);

      // An unknown CVM is the API's 404.
      await expect(client[ACTION]({ id: "cvm_nosuch" })).rejects.toBeInstanceOf(zod.NotFoundError);

      // A wrong body: the same answer with `ok` a string.
      const wrongBody: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        const headers = new Headers(response.headers);
        headers.delete("content-length");
        const body = { ...(await response.json()), ok: "yes" };
        return new Response(JSON.stringify(body), { status: response.status, headers });
      };
      for (const sdk of [zod, valibot]) {
        const broken = sdk.createBaseClient({ ...config("2026-01-21"), fetch: wrongBody });
        const error = await sdk[ACTION](broken, { id: cvm }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(sdk.ResponseValidationError);
        expect(error).toMatchObject({ endpoint: ACTION, apiVersion: "2026-01-21", status: 200 });
        expect(error.issues.map((issue: { path: string }) => issue.path)).toEqual(["ok"]);
        const settled = await sdk.safeGetCvmSyntheticProbe(broken, { id: cvm });
        expect(settled.success).toBe(false);
        expect(settled.error).toBeInstanceOf(sdk.ResponseValidationError);
      }
    } finally {
      await mock.close();
    }
  }, 120_000);
});
