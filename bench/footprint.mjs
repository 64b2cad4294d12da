// @ts-check
// Install footprint: what `npm install @phala/cloud` puts on disk, ours against the
// published 0.2.9, computed from the pnpm layout of this workspace. From the
// package, follow each package's `dependencies` (and installed
// `optionalDependencies`) the way Node resolves them (nearest node_modules/<name>,
// which pnpm links into node_modules/.pnpm), count each package once and sum the
// sizes of its files. Store packages are counted as installed (their files are
// the published tarball's); workspace packages by their published shape:
// package.json, README/LICENSE and the `files` entries (dist).
// Required peer dependencies (which npm >= 7 installs too) are listed apart.
// Run: pnpm --filter @phala/cloud-bench footprint  (writes results/footprint.md + .json)
import {
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { machine } from "./stats.mjs";

const here = new URL(".", import.meta.url);
const root = fileURLToPath(new URL("..", here));

/** Workspace packages by name, as a fallback where a workspace link is not installed yet. */
const workspace = new Map();
for (const group of ["packages", "apps"]) {
  const dir = join(root, group);
  for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
    const file = join(dir, entry, "package.json");
    if (existsSync(file))
      workspace.set(JSON.parse(readFileSync(file, "utf8")).name, join(dir, entry));
  }
}

/** @param {string} dir */
const readManifest = (dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));

/** Node's lookup: the nearest node_modules/<name> from the package's directory up. */
function resolvePackage(fromDir, name) {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const local = workspace.get(name);
  return local ? realpathSync(local) : undefined;
}

/** @param {string} dir @param {(rel: string) => boolean} keep */
function sumFiles(dir, keep, base = dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = relative(base, full);
    if (entry.name === "node_modules" || entry.name === ".git") continue;
    if (entry.isDirectory()) {
      if (!keep(`${rel}/`)) continue;
      const sub = sumFiles(full, keep, base);
      bytes += sub.bytes;
      files += sub.files;
    } else if (entry.isFile() && keep(rel)) {
      bytes += statSync(full).size;
      files++;
    }
  }
  return { bytes, files };
}

/** The files npm would publish of a workspace package: package.json, README*, LICENSE*, `files`. */
function publishedShape(dir, manifest) {
  const listed = /** @type {string[]} */ (manifest.files ?? []).map((f) =>
    f.replace(/^\.\//, "").replace(/\/\*\*.*$/, ""),
  );
  const always = /^(package\.json|readme[^/]*|license[^/]*|licence[^/]*|changelog[^/]*)$/i;
  return sumFiles(dir, (rel) => {
    if (always.test(rel)) return true;
    return listed.some((f) => rel === f || rel.startsWith(`${f}/`) || `${rel}` === `${f}/`);
  });
}

/** @param {string} start */
function footprint(start) {
  /** @type {Map<string, { name: string, version: string, bytes: number, files: number, workspace: boolean }>} */
  const seen = new Map();
  /** @type {Map<string, string>} */
  const peers = new Map();
  const missing = new Set();
  const queue = [realpathSync(start)];
  while (queue.length) {
    const dir = /** @type {string} */ (queue.shift());
    if (seen.has(dir)) continue;
    const manifest = readManifest(dir);
    const inWorkspace = !dir.includes(`${"node_modules"}/.pnpm/`);
    const size = inWorkspace ? publishedShape(dir, manifest) : sumFiles(dir, () => true);
    seen.set(dir, {
      name: manifest.name,
      version: manifest.version,
      ...size,
      workspace: inWorkspace,
    });
    const deps = { ...manifest.optionalDependencies, ...manifest.dependencies };
    for (const name of Object.keys(deps)) {
      const found = resolvePackage(dir, name);
      if (found) queue.push(found);
      else if (!(name in (manifest.optionalDependencies ?? {})))
        missing.add(`${name} (of ${manifest.name})`);
    }
    for (const name of Object.keys(manifest.peerDependencies ?? {})) {
      if (manifest.peerDependenciesMeta?.[name]?.optional) continue;
      if (!(name in deps)) peers.set(name, manifest.name);
    }
  }
  const packages = [...seen.values()];
  const names = new Set(packages.map((p) => p.name));
  // A required peer counts apart, once, unless it is already a dependency of the tree.
  const peerSizes = [...peers]
    .filter(([name]) => !names.has(name))
    .map(([name, of]) => {
      const dir = resolvePackage(realpathSync(start), name);
      const size = dir ? sumFiles(dir, () => true) : { bytes: 0, files: 0 };
      return { name, of, version: dir ? readManifest(dir).version : "?", ...size };
    });
  return {
    packages: packages.length,
    bytes: packages.reduce((n, p) => n + p.bytes, 0),
    files: packages.reduce((n, p) => n + p.files, 0),
    list: packages.sort((a, b) => b.bytes - a.bytes),
    peers: peerSizes,
    missing: [...missing],
  };
}

const ours = footprint(join(root, "packages/cloud"));
const publishedDir = join(root, "bench/node_modules/phala-cloud-0.2.9");
const published = footprint(publishedDir);
const mib = (n) => `${(n / 2 ** 20).toFixed(2)} MiB`;
const peerBytes = (f) => f.peers.reduce((n, p) => n + p.bytes, 0);

const top = (f, n = 8) =>
  f.list
    .slice(0, n)
    .map((p) => `${p.name}@${p.version} ${mib(p.bytes)}`)
    .join(", ");

const lines = [
  "# Install footprint of `@phala/cloud` with its dependencies",
  "",
  `- Command: \`pnpm --filter @phala/cloud-bench footprint\` (bench/footprint.mjs), ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${machine()}`,
  "- Method: from the package, follow `dependencies` (and installed `optionalDependencies`) as Node resolves them in this workspace's pnpm layout (node_modules/.pnpm), each package once; sum the sizes (bytes, not disk blocks) of its files. Store packages count as installed (the published tarball's files); our workspace packages by their published shape: package.json, README/LICENSE and the `files` entries (`dist`, declaration files and source maps included). devDependencies never count. Required peer dependencies, which npm >= 7 installs too, are shown apart.",
  "",
  "| package | packages | files | size | + required peers | ratio to published |",
  "|---|---:|---:|---:|---:|---:|",
  `| @phala/cloud (ours) | ${ours.packages} | ${ours.files} | ${mib(ours.bytes)} | ${ours.peers.length ? `${ours.peers.map((p) => p.name).join(", ")}: ${mib(peerBytes(ours))}` : "none"} | ${(ours.bytes / published.bytes).toFixed(3)}x |`,
  `| published @phala/cloud 0.2.9 | ${published.packages} | ${published.files} | ${mib(published.bytes)} | ${published.peers.length ? `${published.peers.map((p) => `${p.name}@${p.version}`).join(", ")}: ${mib(peerBytes(published))}` : "none"} | 1.000x |`,
  "",
  `Largest of ours: ${top(ours)}.`,
  "",
  `Largest of the published: ${top(published)}.`,
  "",
  `Ours, every package: ${ours.list.map((p) => `${p.name}@${p.version}${p.workspace ? " (workspace, published shape)" : ""}`).join(", ")}.`,
  "",
  ...(ours.missing.length || published.missing.length
    ? [
        `Not found in the layout (not counted): ${[...ours.missing, ...published.missing].join(", ")}.`,
        "",
      ]
    : []),
  "The issue sets no number for this budget: it asks for the figure, side by side with the published package's.",
  "",
];
writeFileSync(new URL("./results/footprint.md", here), `${lines.join("\n")}\n`);
writeFileSync(
  new URL("./results/footprint.json", here),
  `${JSON.stringify(
    {
      ours: { ...ours, list: ours.list },
      published: { ...published, list: published.list },
    },
    null,
    2,
  )}\n`,
);
console.log(lines.join("\n"));
