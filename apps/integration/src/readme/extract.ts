/**
 * Turns README.md's ```ts examples into programs that the integration tests
 * typecheck (`tsc -p apps/integration`) and run against the mock API.
 *
 * Rules:
 * - every ```ts block is its own program, except the blocks under the
 *   "## Every resource" heading (and its ### subsections): they form ONE
 *   program in README order, because they share `client` and other names;
 * - import lines are hoisted to the top of their program; within a program
 *   named imports of one module are merged and de-duplicated;
 * - a block preceded by `<!-- readme-test: skip (reason) -->` is not run (for
 *   snippets that cannot run, e.g. a Worker's `export default { fetch }`);
 *   the reason is required.
 *
 * This file imports only Node built-ins: `generate.mjs` loads it by
 * transpiling it with the workspace's `typescript`.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

/** The heading whose blocks form one program. */
export const SHARED_SECTION = "Every resource";

const SKIP_MARKER = /^<!--\s*readme-test:\s*skip\s*\((.+)\)\s*-->$/;
const TS_LANGS = new Set(["ts", "typescript"]);

export interface CodeBlock {
  /** 1-based line of the opening fence in README.md. */
  line: number;
  /** The nearest `##` heading above the block ("" before the first one). */
  h2: string;
  /** The nearest `###` heading under that `##` ("" if none). */
  h3: string;
  code: string;
  /** Set when the block is marked `<!-- readme-test: skip (reason) -->`. */
  skip?: string;
}

export interface Program {
  /** `<n>-<slug>`, the generated file's name without `.ts`. */
  name: string;
  /** Human-readable origin, e.g. `## Every resource` or `### Selecting a version`. */
  title: string;
  blocks: CodeBlock[];
  imports: string[];
  /** Statements in README order, each block's lines kept as written. */
  body: string[];
}

/** Every ```ts block of the README with its headings. */
export function extractBlocks(readme: string): CodeBlock[] {
  const lines = readme.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  let h2 = "";
  let h3 = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      if (level <= 2) {
        h2 = level === 2 ? heading[2]! : "";
        h3 = "";
      } else if (level === 3) {
        h3 = heading[2]!;
      }
      continue;
    }
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (!fence) continue;
    const marker = fence[2]!;
    const lang = fence[3]!.toLowerCase();
    const start = i;
    const code: string[] = [];
    for (i++; i < lines.length; i++) {
      const inner = lines[i]!;
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(inner);
      if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) break;
      code.push(inner);
    }
    if (!TS_LANGS.has(lang)) continue;
    const block: CodeBlock = { line: start + 1, h2, h3, code: code.join("\n") };
    const skip = previousNonBlank(lines, start);
    if (skip !== undefined) {
      const marked = SKIP_MARKER.exec(skip.trim());
      if (marked) block.skip = marked[1]!.trim();
      else if (/readme-test/.test(skip)) {
        throw new Error(
          `README.md:${start}: malformed marker ${JSON.stringify(skip.trim())}; ` +
            "write <!-- readme-test: skip (reason) -->",
        );
      }
    }
    blocks.push(block);
  }
  return blocks;
}

function previousNonBlank(lines: string[], index: number): string | undefined {
  for (let j = index - 1; j >= 0; j--) {
    if (lines[j]!.trim() !== "") return lines[j];
  }
  return undefined;
}

interface SplitCode {
  imports: string[];
  body: string[];
}

/** Separates a block's top-level import declarations (possibly multi-line) from its statements. */
function splitImports(code: string): SplitCode {
  const imports: string[] = [];
  const body: string[] = [];
  const lines = code.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!/^import[\s{*"']/.test(line)) {
      body.push(line);
      continue;
    }
    let statement = line;
    while (!isCompleteImport(statement) && i + 1 < lines.length) {
      i++;
      statement += `\n${lines[i]!}`;
    }
    imports.push(statement);
  }
  return { imports, body: trimBlankEdges(body) };
}

function isCompleteImport(statement: string): boolean {
  return /(from\s*)?["'][^"']+["']\s*(with\s*\{[^}]*\}\s*)?;?\s*(\/\/.*)?$/.test(statement.trim());
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start++;
  while (end > start && lines[end - 1]!.trim() === "") end--;
  return lines.slice(start, end);
}

/**
 * Merges import declarations: named imports of one module (value or type-only)
 * become one declaration with sorted, unique specifiers; any other form is kept
 * once, as written.
 */
export function mergeImports(imports: string[]): string[] {
  const named = new Map<string, { typeOnly: boolean; module: string; names: Set<string> }>();
  const others: string[] = [];
  for (const statement of imports) {
    const flat = statement.replace(/\s+/g, " ").trim();
    const match = /^import (type )?\{([^}]*)\} from (["'])([^"']+)\3;?$/.exec(flat);
    if (!match) {
      if (!others.includes(flat)) others.push(flat);
      continue;
    }
    const typeOnly = Boolean(match[1]);
    const module = match[4]!;
    const key = `${typeOnly ? "type " : ""}${module}`;
    let entry = named.get(key);
    if (!entry) {
      entry = { typeOnly, module, names: new Set() };
      named.set(key, entry);
    }
    for (const name of match[2]!.split(",")) {
      const trimmed = name.trim().replace(/\s+/g, " ");
      if (trimmed) entry.names.add(trimmed);
    }
  }
  const merged = [...named.values()].map(
    ({ typeOnly, module, names }) =>
      `import ${typeOnly ? "type " : ""}{ ${[...names].sort(compareSpecifiers).join(", ")} } from "${module}";`,
  );
  return [...merged, ...others];
}

function compareSpecifiers(a: string, b: string): number {
  const key = (s: string) => s.replace(/^type /, "");
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/`/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "intro"
  );
}

/** Groups the README's runnable blocks into programs, in README order. */
export function extractPrograms(readme: string): Program[] {
  const groups: { title: string; slug: string; blocks: CodeBlock[] }[] = [];
  let shared: (typeof groups)[number] | undefined;
  for (const block of extractBlocks(readme)) {
    if (block.skip !== undefined) continue;
    if (block.h2 === SHARED_SECTION) {
      if (!shared) {
        shared = { title: `## ${SHARED_SECTION}`, slug: slugify(SHARED_SECTION), blocks: [] };
        groups.push(shared);
      }
      shared.blocks.push(block);
      continue;
    }
    const title = block.h3 ? `### ${block.h3}` : block.h2 ? `## ${block.h2}` : "(introduction)";
    groups.push({ title, slug: slugify(block.h3 || block.h2), blocks: [block] });
  }
  return groups.map((group, index) => {
    const imports: string[] = [];
    const body: string[] = [];
    for (const block of group.blocks) {
      const split = splitImports(block.code);
      imports.push(...split.imports);
      if (group.blocks.length > 1) {
        if (body.length > 0) body.push("");
        body.push(`// README.md:${block.line} ${block.h3 ? `### ${block.h3}` : `## ${block.h2}`}`);
      }
      body.push(...split.body);
    }
    return {
      name: `${String(index + 1).padStart(2, "0")}-${group.slug}`,
      title: group.title,
      blocks: group.blocks,
      imports: mergeImports(imports),
      body,
    };
  });
}

/** The generated module of one program (before formatting). */
export function renderProgram(program: Program): string {
  const lines = [
    "// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show",
    "// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.",
    `// README.md ${program.title} (line ${program.blocks.map((b) => b.line).join(", ")})`,
    ...program.imports,
    "",
    "export async function run(): Promise<void> {",
    ...program.body.map((line) => (line.trim() === "" ? "" : `  ${line}`)),
    "}",
    "",
  ];
  return lines.join("\n");
}

/** Paths of the repository, the README and the generated directory. */
export function readmePaths(readmeDir: string) {
  const repoRoot = path.resolve(readmeDir, "../../../..");
  return {
    repoRoot,
    readme: path.join(repoRoot, "README.md"),
    generatedDir: path.join(readmeDir, "generated"),
  };
}

/**
 * Formats a generated file with the repository's Biome configuration (the same
 * as `biome check --write`: formatting, import sorting, safe fixes), so the
 * committed files pass `biome check` and compare byte for byte.
 */
export function formatWithBiome(source: string, filePath: string, repoRoot: string): string {
  const require = createRequire(path.join(repoRoot, "package.json"));
  const biome = require.resolve("@biomejs/biome/bin/biome");
  return execFileSync(
    process.execPath,
    [biome, "check", "--write", `--stdin-file-path=${path.relative(repoRoot, filePath)}`],
    { cwd: repoRoot, input: source, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] },
  );
}

/** Every generated file (name -> content) for the README text. */
export function generateFiles(
  readme: string,
  readmeDir: string,
): { file: string; content: string }[] {
  const { repoRoot, generatedDir } = readmePaths(readmeDir);
  return extractPrograms(readme).map((program) => {
    const file = path.join(generatedDir, `${program.name}.ts`);
    return { file, content: formatWithBiome(renderProgram(program), file, repoRoot) };
  });
}
