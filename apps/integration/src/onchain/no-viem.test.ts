// A user who never calls an on-chain helper pays nothing for them: viem (an
// optional peer dependency) is not imported with the SDK, an app bundles
// without it, the published types compile without it, and a helper called
// where it is missing says to install it. All against the built packages.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const integration = join(here, "../..");
const repo = join(integration, "../..");

// Registered before the SDK is imported: viem cannot be resolved, as where it is
// not installed (Node's own error code), for ESM imports and CommonJS requires.
const HIDE_VIEM = `
import { register } from "node:module";
import Module from "node:module";
const hooks = \`export async function resolve(specifier, context, next) {
  if (specifier === "viem" || specifier.startsWith("viem/")) {
    const error = new Error("Cannot find package '" + specifier + "'");
    error.code = "ERR_MODULE_NOT_FOUND";
    throw error;
  }
  return next(specifier, context);
}\`;
register("data:text/javascript," + encodeURIComponent(hooks));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "viem" || request.startsWith("viem/")) {
    const error = new Error("Cannot find module '" + request + "'");
    error.code = "MODULE_NOT_FOUND";
    throw error;
  }
  return resolveFilename.call(this, request, ...rest);
};
`;

const CALL = `{
  chain: cloud.kmsChain(31337),
  appId: "0x${"b2".repeat(20)}",
  composeHash: "0x${"d4".repeat(32)}",
  privateKey: "0x${"4c".repeat(32)}",
}`;

/**
 * The published shape (package.json and dist) of @phala/cloud and what it
 * needs, copied outside the workspace: nothing on the way up from it has a
 * node_modules/viem, as in an app that never installed it.
 */
function appWithoutViem(app: string): void {
  const modules = join(app, "node_modules");
  const copy = (from: string, to: string) =>
    cpSync(join(repo, from), join(modules, to), { recursive: true, dereference: true });
  for (const [dir, name] of [
    ["cloud", "@phala/cloud"],
    ["core", "@phala/cloud-core"],
    ["schemas", "@phala/cloud-schemas"],
    ["node", "@phala/cloud-node"],
    ["deno", "@phala/cloud-deno"],
  ]) {
    mkdirSync(join(modules, name!), { recursive: true });
    copy(`packages/${dir}/package.json`, `${name}/package.json`);
    copy(`packages/${dir}/dist`, `${name}/dist`);
  }
  copy("packages/core/node_modules/@standard-schema/spec", "@standard-schema/spec");
  copy("packages/schemas/node_modules/zod", "zod");
  copy("packages/schemas/node_modules/valibot", "valibot");
}

let scratch: string;
let app: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "phala-optional-peer-"));
  writeFileSync(join(scratch, "hide-viem.mjs"), HIDE_VIEM);
  app = join(scratch, "app");
  appWithoutViem(app);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a script in a fresh Node, from this package (where `@phala/cloud` resolves), viem hidden or not. */
function node(script: string, options: { module: boolean; hideViem: boolean }) {
  const args = [
    ...(options.hideViem ? ["--import", join(scratch, "hide-viem.mjs")] : []),
    ...(options.module ? ["--input-type=module"] : []),
    "-e",
    script,
  ];
  const run = spawnSync(process.execPath, args, { cwd: integration, encoding: "utf8" });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "null");
}

describe("importing @phala/cloud loads no viem", () => {
  it("ESM: the import succeeds with viem unresolvable; a helper's call then says to install it", () => {
    const result = node(
      `const cloud = await import("@phala/cloud");
       const error = await cloud.addComposeHash(${CALL}).catch((e) => e);
       console.log(JSON.stringify({ type: typeof cloud.addComposeHash, name: error.name, message: error.message,
         isSdkError: error instanceof cloud.PhalaCloudError, isViemError: error instanceof cloud.ViemNotInstalledError }));`,
      { module: true, hideViem: true },
    );
    expect(result).toEqual({
      type: "function",
      name: "ViemNotInstalledError",
      message:
        "addComposeHash needs viem, an optional peer dependency of the SDK: install it (npm install viem) (addComposeHash)",
      isSdkError: true,
      isViemError: true,
    });
  });

  it("CommonJS: require loads no module of viem; the call fails the same way", () => {
    const result = node(
      `const cloud = require("@phala/cloud");
       const loaded = Object.keys(require.cache).filter((p) => /[\\\\/]viem[\\\\/]/.test(p));
       cloud.safeDeployAppAuth({ ...${CALL}, appId: undefined, composeHash: undefined, kmsContractAddress: "0x${"c3".repeat(20)}" })
         .then((r) => console.log(JSON.stringify({ loaded, success: r.success, name: r.error.name })));`,
      { module: false, hideViem: true },
    );
    expect(result).toEqual({ loaded: [], success: false, name: "ViemNotInstalledError" });
  });

  it("with viem installed, nothing of it is loaded until a helper is called", () => {
    const result = node(
      `const cloud = require("@phala/cloud");
       const viemModules = () => Object.keys(require.cache).filter((p) => /[\\\\/]viem[\\\\/]/.test(p)).length;
       const before = viemModules();
       cloud.checkComposeHashAllowed({ rpcUrl: "http://127.0.0.1:9", appAddress: "0x${"b2".repeat(20)}", composeHash: "0x${"d4".repeat(32)}" })
         .catch((e) => e.name)
         .then((name) => console.log(JSON.stringify({ before, name })));`,
      { module: false, hideViem: false },
    );
    // Loaded at the call (as ESM: not in require.cache), which then fails on the closed port.
    expect(result).toEqual({ before: 0, name: "OnchainError" });
  }, 30_000);
});

describe("an app that never calls a helper bundles without viem", () => {
  it("esbuild bundles @phala/cloud for a Worker and for Node where viem is not installed", async () => {
    for (const [platform, conditions] of [
      ["browser", ["workerd", "worker", "browser"]],
      ["node", []],
    ] as const) {
      const result = await build({
        stdin: {
          contents: `import { createClient } from "@phala/cloud";
export const run = () => createClient({ apiKey: "k" }).getCvmInfo({ id: "x" });`,
          resolveDir: app,
          loader: "js",
        },
        bundle: true,
        minify: true,
        format: "esm",
        platform,
        conditions: [...conditions],
        write: false,
        metafile: true,
        logLevel: "silent",
        external: ["undici", "node:*"],
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(
        inputs.filter((p) => p.includes("node_modules/viem/")),
        platform,
      ).toEqual([]);
      expect(inputs.some((p) => p.includes("@phala/cloud-core/dist"))).toBe(true);
    }
  });

  it("an app that calls a helper bundles too, the import left to run time", async () => {
    const result = await build({
      stdin: {
        contents: `import { addComposeHash } from "@phala/cloud";
export const run = (args) => addComposeHash(args);`,
        resolveDir: app,
        loader: "js",
      },
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      write: false,
      logLevel: "silent",
      external: ["node:*"],
    });
    expect(result.outputFiles[0]?.text).toMatch(/import\(\s*["']viem["']\s*\)/);
  });
});

describe("the published types compile without viem", () => {
  const dts = (pkg: string) =>
    readdirSync(join(repo, "packages", pkg, "dist"), { recursive: true })
      .map(String)
      .filter((file) => /\.d\.c?ts$/.test(file))
      .map((file) => join(repo, "packages", pkg, "dist", file));

  it("no declaration file of core, cloud or the adapters imports viem", () => {
    const files = ["core", "cloud", "node", "deno", "edge"].flatMap(dts);
    expect(files.length).toBeGreaterThan(5);
    const importsViem = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']viem(?:\/[^"']*)?["']/;
    expect(files.filter((file) => importsViem.test(readFileSync(file, "utf8")))).toEqual([]);
  });

  it("a consumer of @phala/cloud's types type-checks in a tree where viem is not installed", () => {
    writeFileSync(
      join(app, "consumer.ts"),
      `import { addComposeHash, type AddComposeHash, deployAppAuth, type DeployAppAuth, kmsChain,
  safeAddComposeHash, type OnchainWalletClient } from "@phala/cloud";
const chain = kmsChain(8453);
export const added: Promise<AddComposeHash> = addComposeHash({
  chain, appId: "0x1", composeHash: "0x2", privateKey: "0x3", onTransactionSubmitted: (hash) => hash.slice(2),
});
export const deployed: Promise<DeployAppAuth> = deployAppAuth({ chain, kmsContractAddress: null, privateKey: "0x3" });
declare const walletClient: OnchainWalletClient;
// @ts-expect-error privateKey or walletClient, not both
addComposeHash({ appId: "0x1", composeHash: "0x2", privateKey: "0x3", walletClient });
export const safe = safeAddComposeHash({ appId: "0x1", composeHash: "0x2", walletClient }).then((r) =>
  r.success ? r.data.transactionHash : r.error.message);
`,
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          noEmit: true,
          strict: true,
          // Fast: the declarations' imports are resolved all the same, which the trace shows.
          skipLibCheck: true,
          module: "esnext",
          moduleResolution: "bundler",
          target: "es2022",
          lib: ["es2022", "dom"],
          types: [],
        },
        files: ["consumer.ts"],
      }),
    );
    const tsc = join(repo, "node_modules/typescript/bin/tsc");
    const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--traceResolution"], {
      cwd: app,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(
      run.status,
      run.stdout
        .split("\n")
        .filter((l) => /error TS/.test(l))
        .join("\n"),
    ).toBe(0);
    // Every module the SDK's declarations import was resolved, and none was viem.
    const resolved = [...run.stdout.matchAll(/^======== Resolving module '([^']+)'/gm)].map(
      (m) => m[1],
    );
    expect(resolved).toEqual(expect.arrayContaining(["@phala/cloud", "@phala/cloud-core", "zod"]));
    expect(resolved.filter((name) => /^viem(?:\/|$)/.test(name ?? ""))).toEqual([]);
  }, 180_000);
});
