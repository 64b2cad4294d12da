import { describe, expect, it } from "vitest";
import { RequestValidationError } from "./errors";
import { checkQueryArgs } from "./query-args";

const CHECKS = {
  page: "positiveInt",
  page_size: "pageSize",
  search: "string",
  listed: "boolean",
  status: "stringList",
} as const;

function issuesOf(args: unknown) {
  try {
    checkQueryArgs("getAppList", args as object, CHECKS);
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    return (error as RequestValidationError).issues;
  }
  throw new Error("expected checkQueryArgs to throw");
}

describe("checkQueryArgs", () => {
  it("returns the valid arguments as query parameters, without undefined ones", () => {
    expect(
      checkQueryArgs(
        "getAppList",
        {
          page: 1,
          page_size: 100,
          search: "",
          listed: false,
          status: [],
          region: undefined,
        } as object,
        { ...CHECKS, region: "string" },
      ),
    ).toEqual({ page: 1, page_size: 100, search: "", listed: false, status: [] });
  });

  it("accepts no arguments", () => {
    expect(checkQueryArgs("getAppList", undefined, CHECKS)).toEqual({});
  });

  it.each([
    [{ page: 0 }, "page", "integer >= 1"],
    [{ page: Number.NaN }, "page", "integer >= 1"],
    [{ page: Number.POSITIVE_INFINITY }, "page", "integer >= 1"],
    [{ page_size: 101 }, "page_size", "1 to 100"],
    [{ page_size: 0 }, "page_size", "1 to 100"],
    [{ search: 5 }, "search", "string"],
    [{ listed: 0 }, "listed", "boolean"],
    [{ status: "running" }, "status", "array of strings"],
    [{ status: [null] }, "status", "array of strings"],
    [{ nope: 1 }, "nope", "unknown argument"],
  ])("refuses %j", (args, path, message) => {
    const issues = issuesOf(args);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(path);
    expect(issues[0]!.message).toContain(message);
  });

  it("refuses a non-object", () => {
    expect(issuesOf("page=1")[0]!.path).toBe("");
    expect(issuesOf(null)[0]!.path).toBe("");
  });
});
