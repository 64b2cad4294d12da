// @ts-check
// Type-check cost as the version registry grows: the same consumer (every
// action, called on a client of each known version) against the SDK's schemas
// generated with today's 4 versions and with a synthetic 10-version registry
// (6 more versions, each changing one field; packages/schemas/scripts/synthetic.mjs).
// Issue 11's budget: the 10-version consumer costs at most 3x the 4-version one.
//   node types-versions.mjs --record   measure and record results/types-versions.{json,md}
//   node types-versions.mjs --check    measure and fail when the ratio is over 3
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { allActions } from "@phala/cloud";
import { machine, tscDiagnostics } from "./stats.mjs";

const mode = process.argv.includes("--record") ? "record" : "check";
const here = fileURLToPath(new URL(".", import.meta.url));
const repo = join(here, "..");
const { writeSyntheticSchemas } = await import(
  new URL("../packages/schemas/scripts/synthetic.mjs", import.meta.url).href
);
const { version, addField } = await import(
  new URL("../packages/schemas/versions/ops.mjs", import.meta.url).href
);

const MAX_RATIO = 3;
/** `@phala/cloud`'s types as built (the consumer lives beside the generated schemas). */
const cloudTypes = join(
  dirname(createRequire(import.meta.url).resolve("@phala/cloud/package.json")),
  "dist",
  "index.d.ts",
);
const actions = Object.keys(allActions)
  .filter((name) => !name.startsWith("safe"))
  .sort();

/** Six more versions after the newest, each adding one nullable field to a shape. */
const extra = ["CvmVm", "KmsInfo", "SshKey", "WorkspaceResponse", "CvmNetwork", "AppRevision"].map(
  (shape, index) =>
    version(`2099-0${index + 1}-01`, `Synthetic version ${index + 1}.`, [
      addField(
        shape,
        `synthetic_${index + 1}`,
        { anyOf: [{ type: "string" }, { type: "null" }] },
        {
          note: "A synthetic field.",
          migration: "None.",
        },
      ),
    ]),
);

/** Compiles a consumer of every action on a client of each version; returns tsc's counts. */
function measure(name, changes) {
  const { dir, src, versions } = writeSyntheticSchemas({ name, changes });
  const consumer = [
    'import { createClient } from "@phala/cloud";',
    "declare const args: any;",
    "export async function all() {",
    "  const out: unknown[] = [];",
    ...versions.flatMap((v, index) => [
      `  const c${index} = createClient({ apiKey: "k", version: ${JSON.stringify(v)} });`,
      ...actions.map((action) => `  out.push(await c${index}.${action}(args));`),
    ]),
    "  return out;",
    "}",
    "",
  ].join("\n");
  writeFileSync(join(dir, "consumer.ts"), consumer);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(repo, "tsconfig.base.json"),
      compilerOptions: {
        skipLibCheck: true,
        types: [],
        baseUrl: dir,
        // The SDK's packages as built, but the schemas as generated for this registry.
        paths: {
          "@phala/cloud": [cloudTypes],
          "@phala/cloud-schemas": [join(src, "index.ts")],
        },
      },
      files: ["consumer.ts"],
    }),
  );
  const { instantiations, types, checkTimeSeconds } = tscDiagnostics(
    join(dir, "tsconfig.json"),
    join(repo, "bench"),
  );
  return { versions: versions.length, instantiations, types, checkTimeSeconds };
}

const four = measure("types-4", []);
const ten = measure("types-10", extra);
const ratio = Number((ten.instantiations / four.instantiations).toFixed(2));
const line = `${four.versions} versions: ${four.instantiations} instantiations; ${ten.versions} versions: ${ten.instantiations} (${ratio}x, budget ${MAX_RATIO}x)`;

if (mode === "record") {
  const result = { four, ten, ratio, actions: actions.length };
  writeFileSync(
    new URL("./results/types-versions.json", import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  const md = [
    "# Type-check cost as the version registry grows",
    "",
    `- Command: \`pnpm --filter @phala/cloud-bench types:versions\` (bench/types-versions.mjs), ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${machine()}`,
    `- Consumer: each of ${actions.length} actions as a method of a client of every version; the schemas generated for the registry (4 versions today; 10 with 6 synthetic versions, each adding one field).`,
    "",
    "| registry | instantiations | types | check time (s) |",
    "|---|---:|---:|---:|",
    `| ${four.versions} versions | ${four.instantiations} | ${four.types} | ${four.checkTimeSeconds} |`,
    `| ${ten.versions} versions | ${ten.instantiations} | ${ten.types} | ${ten.checkTimeSeconds} |`,
    "",
    `Ratio: ${ratio}x (budget ${MAX_RATIO}x). CI (\`pnpm bench:types:check\`) fails above it.`,
    "",
  ].join("\n");
  writeFileSync(new URL("./results/types-versions.md", import.meta.url), md);
  console.log(md);
} else if (ratio > MAX_RATIO) {
  console.error(`Type-check cost grows faster than the registry: ${line}`);
  process.exit(1);
} else console.log(`Type-check cost scales with the registry: ${line}`);
