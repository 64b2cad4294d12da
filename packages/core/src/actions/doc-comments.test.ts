import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as actions from "./index";

const here = fileURLToPath(new URL(".", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !/\.test(-d)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Each action's name and the doc comment right above its definition. */
function documentedActions(): { name: string; file: string; doc: string }[] {
  const found: { name: string; file: string; doc: string }[] = [];
  // `Object.assign(run, { actionName })`: an action reading what no schema checks (bytes).
  const definition =
    /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export (?:const (\w+) = \/\* @__PURE__ \*\/ (?:define(?:Versioned)?Action(?:<[^>]*>)?|Object\.assign)\(|async function (watchCvmState)\()/g;
  for (const file of sourceFiles(here)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(definition)) {
      found.push({
        name: (match[2] ?? match[3])!,
        file: relative(here, file),
        doc: match[1] ?? "",
      });
    }
  }
  return found;
}

const HTTP_OPERATION = /`(?:GET|POST|PUT|PATCH|DELETE) \/[^`]*`/;

describe("doc comments", () => {
  const documented = documentedActions();

  it("finds every exported action (and only those)", () => {
    const exported = Object.entries(actions)
      .filter(([name, value]) => typeof value === "function" && !name.startsWith("safe"))
      .map(([name]) => name)
      .sort();
    expect(documented.map((action) => action.name).sort()).toEqual(exported);
  });

  it.each(documented.map((action) => [action.name, action] as const))(
    "%s names its HTTP operation",
    (_name, { doc, file }) => {
      expect(doc, file).toMatch(HTTP_OPERATION);
    },
  );
});
