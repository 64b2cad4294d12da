// After tsup. create-client.ts imports the package's own `actions` entry by
// name, kept external: the flavour's bundle then holds no namespace object of
// its actions that a user's bundler could not drop, and the declaration
// bundler writes no namespace of this package's modules. Each built file then
// gets the entry's file next to it instead of the name, which Node10 type
// resolution (and a runtime without package self-reference) cannot follow.
import { readFileSync, writeFileSync } from "node:fs";

const LINKS = [
  ["dist/index.js", "@phala/cloud-core/actions", "./actions/index.js"],
  ["dist/index.cjs", "@phala/cloud-core/actions", "./actions/index.cjs"],
  ["dist/index.d.ts", "@phala/cloud-core/actions", "./actions/index.js"],
  ["dist/index.d.cts", "@phala/cloud-core/actions", "./actions/index.cjs"],
  ["dist/valibot/index.js", "@phala/cloud-core/valibot/actions", "./actions.js"],
  ["dist/valibot/index.cjs", "@phala/cloud-core/valibot/actions", "./actions.cjs"],
];

for (const [file, name, target] of LINKS) {
  const text = readFileSync(file, "utf8");
  const quoted = new RegExp(`(["'])${name.replaceAll("/", "\\/")}\\1`, "g");
  if (!quoted.test(text)) throw new Error(`${file}: no import of ${name} to link`);
  writeFileSync(file, text.replace(quoted, `$1${target}$1`));
}
