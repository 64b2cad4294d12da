#!/usr/bin/env node
// Writes what scripts/wire-gen.mjs derives from the contract, the named shapes
// (scripts/wire-shapes.mjs) and the version registry (versions/index.mjs): the
// wire schemas in zod (src/wire/) and valibot (src/valibot/wire/), the endpoint
// tables (src/endpoints.ts, src/valibot/endpoints.ts), the response map
// (src/response-map.ts), the version data (src/versions.ts), and
// docs/versions/<version>.md at the repository's root.
//
//   node packages/schemas/scripts/gen-wire.mjs           writes the files
//   node packages/schemas/scripts/gen-wire.mjs --check   fails (exit 1) when they are stale
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION_REGISTRY } from "../versions/index.mjs";
import { generate } from "./wire-gen.mjs";
import { WIRE_FILES } from "./wire-shapes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(root, "..", "..");
const read = (path) => JSON.parse(readFileSync(join(repo, path), "utf8"));

const { files, docs, versions, endpointTypes } = generate({
  contract: read("contract/phala-cloud-api.json"),
  exceptions: read("contract/exceptions.json"),
  wireFiles: WIRE_FILES,
  registry: VERSION_REGISTRY,
});

const outputs = new Map([
  ...[...files].map(([path, text]) => [join(root, path), text]),
  ...[...docs].map(([path, text]) => [join(repo, path), text]),
]);

/** Formatted as the repository formats (biome), so --check compares like with like. */
function format(texts) {
  const tmp = join(root, ".wire-tmp");
  rmSync(tmp, { recursive: true, force: true });
  const names = new Map();
  let counter = 0;
  for (const [path, text] of texts) {
    const extension = path.match(/\.(ts|md)$/)?.[1];
    if (!extension) continue;
    const target = join(tmp, `${counter++}.${extension}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    names.set(path, target);
  }
  execFileSync(join(repo, "node_modules", ".bin", "biome"), ["format", "--write", tmp], {
    stdio: "ignore",
  });
  const formatted = new Map(
    [...texts].map(([path, text]) => [
      path,
      names.has(path) ? readFileSync(names.get(path), "utf8") : text,
    ]),
  );
  rmSync(tmp, { recursive: true, force: true });
  return formatted;
}

// The README's version table, from the same registry.
const readmePath = join(repo, "README.md");
const readme = readFileSync(readmePath, "utf8");
const status = (version) =>
  [
    version === VERSION_REGISTRY.defaultVersion ? "default" : "",
    version === versions.at(-1) ? "newest (`LATEST`, any case)" : "",
    version === versions[0] ? "oldest" : "",
  ]
    .filter(Boolean)
    .join(", ") || "-";
const summaries = [
  VERSION_REGISTRY.base.summary,
  ...VERSION_REGISTRY.changes.map((c) => c.summary),
];
const rows = versions
  .map((version, index) => ({ version, index }))
  .reverse()
  .map(
    ({ version, index }) =>
      `| [\`${version}\`](docs/versions/${version}.md) | ${status(version)} | ${summaries[index]} |`,
  );
const table = ["| version | status | what it changed |", "| --- | --- | --- |", ...rows].join("\n");
/** Replaces the text between two markers of a document. */
function region(text, name, content) {
  const open = `<!-- ${name}:begin -->`;
  const close = `<!-- ${name}:end -->`;
  const from = text.indexOf(open);
  const to = text.indexOf(close);
  if (from < 0 || to < from) throw new Error(`README.md has no ${open} ... ${close} region`);
  return `${text.slice(0, from + open.length)}\n${content}\n${text.slice(to)}`;
}
// The actions whose answer differs by version, and what each answers.
const endpointTable = [
  `| action | ${versions.map((version) => `\`${version}\``).join(" | ")} |`,
  `| --- | ${versions.map(() => "---").join(" | ")} |`,
  ...Object.entries(endpointTypes).map(
    ([endpoint, types]) =>
      `| \`${endpoint}\` | ${types.map((type) => `\`${type}\``).join(" | ")} |`,
  ),
].join("\n");
outputs.set(readmePath, region(region(readme, "versions", table), "endpoint-types", endpointTable));

const formatted = format(outputs);
const check = process.argv.includes("--check");
const stale = [];
for (const [path, text] of formatted) {
  const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  if (current === text) continue;
  if (check) stale.push(path.slice(repo.length + 1));
  else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
// Generated folders hold nothing else.
for (const dir of [
  join(root, "src", "wire"),
  join(root, "src", "valibot", "wire"),
  join(repo, "docs", "versions"),
]) {
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (formatted.has(path)) continue;
    if (check) stale.push(`${path.slice(repo.length + 1)} (not generated)`);
    else rmSync(path);
  }
}
if (check && stale.length) {
  console.error(
    `gen-wire: stale generated files (run node packages/schemas/scripts/gen-wire.mjs):\n  ${stale.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(
  check ? "gen-wire: generated files are current" : `gen-wire: wrote ${formatted.size} files`,
);
