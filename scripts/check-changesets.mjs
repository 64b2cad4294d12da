// Proves the release rule of DESIGN.md ("its own version and CHANGELOG,
// independent versions, no fixed groups"): for each published package, a
// changeset that bumps only that package by minor gives a release plan in which
//   - that package gets minor,
//   - each package depending on it (dependencies, peer or optional, directly or
//     through another package) gets at most patch,
//   - every other package, and every private package, gets nothing.
// The plans are assembled by the same modules `changeset version` runs (resolved
// from @changesets/cli's own dependencies, so no second copy can disagree),
// with the repository's .changeset/config.json and workspace, in memory: no
// file is written. Before trusting a green result, the script checks itself:
// the same rule must fail when the config groups packages (`fixed`, `linked`)
// or versions the private apps; if it does not, the check is broken and fails.
// Run: node scripts/check-changesets.mjs   (part of `pnpm check`)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const fromCli = createRequire(createRequire(import.meta.url).resolve("@changesets/cli"));
const assembleReleasePlan = fromCli("@changesets/assemble-release-plan").default;
const { parse: parseConfig } = fromCli("@changesets/config");
const { getPackages } = fromCli("@manypkg/get-packages");
const { readPreState } = fromCli("@changesets/pre");

const SHIPPED_DEPENDENCIES = ["dependencies", "peerDependencies", "optionalDependencies"];

/**
 * Every workspace package that depends on `name`, directly or through others,
 * by what it ships with (devDependencies are not a reason to release).
 */
function dependentsOf(name, packages) {
  const found = new Set();
  const queue = [name];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const { packageJson } of packages) {
      if (found.has(packageJson.name) || packageJson.name === name) continue;
      const uses = SHIPPED_DEPENDENCIES.some((field) => packageJson[field]?.[current]);
      if (uses) {
        found.add(packageJson.name);
        queue.push(packageJson.name);
      }
    }
  }
  return found;
}

/**
 * The rule's violations under `config`: one line per package whose release
 * type breaks it. `plans` receives each published package's plan, for the log.
 */
function violations(workspace, config, preState, plans) {
  const packages = workspace.packages;
  const published = packages.filter((p) => !p.packageJson.private).map((p) => p.packageJson.name);
  const isPrivate = new Set(
    packages.filter((p) => p.packageJson.private).map((p) => p.packageJson.name),
  );
  const found = [];
  for (const name of published) {
    const changeset = {
      id: `check-${name.replace(/\W+/g, "-")}`,
      summary: `check: ${name} alone, minor`,
      releases: [{ name, type: "minor" }],
    };
    const plan = assembleReleasePlan([changeset], workspace, config, preState);
    const bumps = new Map(plan.releases.map((release) => [release.name, release.type]));
    plans?.set(name, bumps);
    const dependents = dependentsOf(name, packages);
    for (const { packageJson } of packages) {
      const other = packageJson.name;
      const got = bumps.get(other) ?? "none";
      let allowed;
      if (other === name) allowed = ["minor"];
      else if (isPrivate.has(other)) allowed = ["none"];
      else if (dependents.has(other)) allowed = ["none", "patch"];
      else allowed = ["none"];
      if (!allowed.includes(got)) {
        const why =
          other === name
            ? "the package itself"
            : isPrivate.has(other)
              ? "private, not versioned"
              : dependents.has(other)
                ? "depends on it: at most patch"
                : "does not depend on it: nothing";
        found.push(`${name} minor -> ${other} ${got} (${why})`);
      }
    }
  }
  return found;
}

const started = performance.now();
const workspace = await getPackages(root);
const rawConfig = JSON.parse(readFileSync(join(root, ".changeset", "config.json"), "utf8"));
const config = parseConfig(rawConfig, workspace);
const preState = await readPreState(root);
const published = workspace.packages
  .filter((p) => !p.packageJson.private)
  .map((p) => p.packageJson.name)
  .sort();
if (published.length === 0) {
  console.error("check-changesets: no published package found in the workspace");
  process.exit(1);
}

// Self-check: configs that break the rule must be caught, or a pass means nothing.
const everyPublished = [published];
const breaking = {
  "fixed: every published package in one group": {
    ...rawConfig,
    fixed: everyPublished,
    linked: [],
  },
  "linked: every published package in one group": {
    ...rawConfig,
    fixed: [],
    linked: everyPublished,
  },
  "privatePackages.version: true": {
    ...rawConfig,
    privatePackages: { ...rawConfig.privatePackages, version: true },
  },
};
const blind = [];
const caughtCounts = [];
for (const [label, broken] of Object.entries(breaking)) {
  const caught = violations(workspace, parseConfig(broken, workspace), preState);
  if (caught.length === 0) blind.push(label);
  caughtCounts.push(`${label} (${caught.length} violations)`);
}
if (blind.length > 0) {
  console.error(
    `check-changesets is broken: it passes these grouping configs: ${blind.join("; ")}`,
  );
  process.exit(1);
}

const plans = new Map();
const failures = violations(workspace, config, preState, plans);
for (const name of published) {
  const bumps = plans.get(name);
  const others = [...bumps]
    .filter(([other, type]) => other !== name && type !== "none")
    .map(([other, type]) => `${other} ${type}`)
    .sort();
  console.log(`${name} minor -> ${others.length ? others.join(", ") : "no other release"}`);
}
const ms = Math.round(performance.now() - started);
if (failures.length > 0) {
  console.error(
    `Changesets do not release each package alone (.changeset/config.json):\n  ${failures.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(
  `ok   each of ${published.length} published packages releases alone (dependents at most patch); self-check caught ${caughtCounts.join(", ")}; ${ms} ms`,
);
