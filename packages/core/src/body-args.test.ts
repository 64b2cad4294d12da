import { describe, expect, it } from "vitest";
import { CVM_ID_KEYS, checkBodyArgs, type Fields, inspectArgs } from "./body-args";
import { RequestValidationError } from "./errors";

const HASH = "ab".repeat(32);
const TX = `0x${"cd".repeat(32)}`;

function issuesOf(args: unknown, fields: Fields, options = {}) {
  try {
    checkBodyArgs("someAction", args, fields, options);
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).endpoint).toBe("someAction");
    return (error as RequestValidationError).issues;
  }
  throw new Error("expected checkBodyArgs to throw");
}

describe("checkBodyArgs", () => {
  it("returns the body: given fields under their wire names, no undefined ones", () => {
    expect(
      checkBodyArgs(
        "someAction",
        {
          name: "",
          node_id: 5,
          listed: false,
          env_keys: [],
          composeHash: HASH,
          note: undefined,
        },
        {
          name: "string",
          node_id: "positiveInt",
          listed: "boolean",
          env_keys: "stringList",
          composeHash: { kind: "hash", required: true, wire: "compose_hash" },
          note: "string",
        },
      ),
    ).toEqual({ name: "", node_id: 5, listed: false, env_keys: [], compose_hash: HASH });
  });

  it("leaves path keys out of the body without checking them", () => {
    expect(
      checkBodyArgs(
        "someAction",
        { id: 7, force: true },
        { force: "boolean" },
        {
          pathKeys: CVM_ID_KEYS,
        },
      ),
    ).toEqual({ force: true });
  });

  it.each([
    ["string", 5, "expected a string"],
    ["nonEmptyString", " ", "non-empty string"],
    ["boolean", "true", "boolean"],
    ["number", Number.NaN, "a number"],
    ["number", "1", "a number"],
    ["int", 1.5, "an integer"],
    ["positiveInt", 0, "integer >= 1"],
    ["nonNegativeInt", -1, "integer >= 0"],
    ["stringList", ["a", 1], "array of strings"],
    ["object", [], "an object"],
    ["object", null, "an object"],
    ["hex", "", "hex"],
    ["hex", "0xzz", "hex"],
    ["hash", "ab", "64 hex"],
    ["hash", `0x${HASH}0`, "64 hex"],
    ["transactionHash", HASH, "0x and 64 hex"],
  ] as const)("%s refuses %j", (kind, value, message) => {
    const issues = issuesOf({ field: value }, { field: kind });
    expect(issues).toEqual([{ path: "field", message: expect.stringContaining(message) }]);
  });

  it.each([
    ["string", ""],
    ["nonEmptyString", "x"],
    ["boolean", false],
    ["number", -0.5],
    ["int", -3],
    ["positiveInt", 1],
    ["nonNegativeInt", 0],
    ["stringList", []],
    ["object", {}],
    ["hex", "0x00FF"],
    ["hash", HASH],
    ["hash", `0x${HASH.toUpperCase()}`],
    ["transactionHash", TX],
  ] as const)("%s accepts %j", (kind, value) => {
    expect(checkBodyArgs("someAction", { field: value }, { field: kind })).toEqual({
      field: value,
    });
  });

  it("bounds numbers and integers, and says so", () => {
    const fields: Fields = {
      limit: { kind: "positiveInt", max: 500 },
      size: { kind: "int", min: 1, max: 100 },
      ratio: { kind: "number", min: 0, max: 1 },
      floor: { kind: "int", max: 9 },
    };
    expect(checkBodyArgs("someAction", { limit: 500, size: 1, ratio: 0.5 }, fields)).toEqual({
      limit: 500,
      size: 1,
      ratio: 0.5,
    });
    expect(issuesOf({ limit: 501, size: 0, ratio: 1.5, floor: 10 }, fields)).toEqual([
      { path: "limit", message: "expected an integer from 1 to 500" },
      { path: "size", message: "expected an integer from 1 to 100" },
      { path: "ratio", message: "expected a number from 0 to 1" },
      { path: "floor", message: "expected an integer <= 9" },
    ]);
  });

  it("enum: one of its values", () => {
    const fields: Fields = { kms: { kind: "enum", values: ["PHALA", "BASE"] } };
    expect(checkBodyArgs("someAction", { kms: "BASE" }, fields)).toEqual({ kms: "BASE" });
    expect(issuesOf({ kms: "base" }, fields)).toEqual([
      { path: "kms", message: "expected one of PHALA, BASE" },
    ]);
  });

  it("names every failing field in one error: wrong kinds, unknown keys, missing ones", () => {
    const issues = issuesOf(
      { force: "yes", nodeId: 5, id: "cvm_1" },
      { force: "boolean", node_id: "int", os_image_name: { kind: "string", required: true } },
      { pathKeys: ["id"] },
    );
    expect(issues).toEqual([
      { path: "force", message: "expected a boolean" },
      {
        path: "nodeId",
        message: "unknown argument; expected one of id, force, node_id, os_image_name",
      },
      { path: "os_image_name", message: "required" },
    ]);
  });

  it("a required field given as undefined is missing", () => {
    expect(issuesOf({ token: undefined }, { token: { kind: "string", required: true } })).toEqual([
      { path: "token", message: "required" },
    ]);
  });

  it("reports the action's own issues first, in the same error", () => {
    const issues = issuesOf(
      { nonce: 1 },
      { nonce: "nonNegativeInt", app_id: "string", x: "int" },
      {
        issues: [{ path: "app_id", message: "required with nonce" }],
      },
    );
    expect(issues).toEqual([{ path: "app_id", message: "required with nonce" }]);
    expect(
      issuesOf({ x: "1" }, { x: "int" }, { issues: [{ path: "y", message: "cross" }] }),
    ).toEqual([
      { path: "y", message: "cross" },
      { path: "x", message: "expected an integer" },
    ]);
  });

  it("refine: a message about the field, or issues under it", () => {
    const fields: Fields = {
      uuids: {
        kind: "stringList",
        refine: (list: string[]) => (list.length ? undefined : "expected a non-empty list"),
      },
      gpus: {
        kind: "object",
        refine: (gpus) =>
          inspectArgs(
            gpus,
            { count: { kind: "nonNegativeInt", required: true } },
            {
              allowUnknown: true,
            },
          ).issues,
      },
    };
    expect(
      checkBodyArgs(
        "someAction",
        { uuids: ["a"], gpus: { count: 1, product_name: "H200" } },
        fields,
      ),
    ).toEqual({ uuids: ["a"], gpus: { count: 1, product_name: "H200" } });
    expect(issuesOf({ uuids: [], gpus: { count: -1 } }, fields)).toEqual([
      { path: "uuids", message: "expected a non-empty list" },
      { path: "gpus.count", message: "expected an integer >= 0" },
    ]);
    expect(issuesOf({ gpus: {} }, fields)).toEqual([{ path: "gpus.count", message: "required" }]);
  });

  it("refine runs only once the kind holds", () => {
    let calls = 0;
    const fields: Fields = {
      name: {
        kind: "string",
        refine: () => {
          calls++;
          return undefined;
        },
      },
    };
    issuesOf({ name: 5 }, fields);
    expect(calls).toBe(0);
  });

  it("refuses a non-object; no arguments is an empty object", () => {
    expect(issuesOf(null, {})).toEqual([{ path: "", message: "expected an object of arguments" }]);
    expect(issuesOf(["x"], {})[0]!.path).toBe("");
    expect(issuesOf("x", {})[0]!.path).toBe("");
    expect(checkBodyArgs("someAction", undefined, { a: "string" })).toEqual({});
    expect(issuesOf(undefined, { a: { kind: "string", required: true } })).toEqual([
      { path: "a", message: "required" },
    ]);
  });
});

describe("inspectArgs", () => {
  it("collects without throwing; allowUnknown keeps unlisted keys as they are", () => {
    expect(
      inspectArgs(
        { docker_compose_file: "services: {}", extra: [1], skipped: undefined, runner: 1 },
        { docker_compose_file: { kind: "nonEmptyString", required: true }, runner: "string" },
        { allowUnknown: true },
      ),
    ).toEqual({
      value: { docker_compose_file: "services: {}", extra: [1] },
      issues: [{ path: "runner", message: "expected a string" }],
    });
  });
});
