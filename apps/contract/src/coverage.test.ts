import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { coverageMarkdown, coverageRows, NO_ACTION } from "./coverage";

const FILE = fileURLToPath(new URL("../../../docs/contract-coverage.md", import.meta.url));

describe("the coverage table", () => {
  it("gives every operation an action or the reason it has none", () => {
    const bare = coverageRows().filter((row) => row.actions.length === 0 && !row.reason);
    expect(bare.map((row) => row.operation)).toEqual([]);
  });

  it("gives no reason for an operation an action reaches", () => {
    const stale = coverageRows().filter((row) => row.actions.length > 0 && row.reason);
    expect(stale.map((row) => row.operation)).toEqual([]);
  });

  it("names only operations of the contract", () => {
    const known = new Set(coverageRows().map((row) => row.operation));
    expect(Object.keys(NO_ACTION).filter((key) => !known.has(key))).toEqual([]);
  });

  it("is current in docs/contract-coverage.md (UPDATE_COVERAGE=1 rewrites it)", () => {
    const text = coverageMarkdown();
    if (process.env.UPDATE_COVERAGE === "1") writeFileSync(FILE, text);
    expect(readFileSync(FILE, "utf8")).toBe(text);
  });
});
