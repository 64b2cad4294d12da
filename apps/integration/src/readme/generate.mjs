// Writes README.md's TypeScript examples to ./generated/<n>-<slug>.ts (one
// `export async function run()` per program), so `tsc -p apps/integration`
// typechecks them and readme.test.ts runs them against the mock API.
//
//   node apps/integration/src/readme/generate.mjs
//
// The rules live in extract.ts; plain Node cannot run TypeScript, so this
// script transpiles it with the workspace's `typescript` and imports the result.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = path.dirname(fileURLToPath(import.meta.url));

/** @returns {Promise<typeof import("./extract.ts")>} */
async function loadExtract() {
  const source = readFileSync(path.join(here, "extract.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString("base64")}`);
}

const { generateFiles, readmePaths } = await loadExtract();
const { readme, generatedDir } = readmePaths(here);
const files = generateFiles(readFileSync(readme, "utf8"), here);

mkdirSync(generatedDir, { recursive: true });
const wanted = new Set(files.map((f) => path.basename(f.file)));
for (const name of readdirSync(generatedDir)) {
  if (name.endsWith(".ts") && !wanted.has(name)) rmSync(path.join(generatedDir, name));
}
for (const { file, content } of files) writeFileSync(file, content);
console.log(
  `wrote ${files.length} programs to ${path.relative(process.cwd(), generatedDir) || "."}`,
);
