import { describe, expect, it } from "vitest";
import { isUndocumented, operationKey, operations, validateAgainst } from "./contract";
import { fullSample, minimalSample, randomSamples } from "./samples";

// The generators are checked against the schema they generate from: a sample
// the contract itself would refuse would make every later check meaningless.
describe("generated responses conform to the contract", () => {
  const cases = operations.flatMap((operation) =>
    Object.entries(operation.responses).flatMap(([status, media]) => {
      const schema = media["application/json"];
      if (!status.startsWith("2") || isUndocumented(schema)) return [];
      const versions = operation.responsesByVersion?.[status];
      return versions
        ? Object.entries(versions).map(([version, branch]) => ({
            name: `${operationKey(operation)} ${status} ${version}`,
            schema: branch,
          }))
        : [{ name: `${operationKey(operation)} ${status}`, schema: schema! }];
    }),
  );

  it.each(cases)("$name", ({ schema }) => {
    expect(validateAgainst(schema, fullSample(schema))).toEqual([]);
    expect(validateAgainst(schema, minimalSample(schema))).toEqual([]);
    for (const value of randomSamples(schema, 20, 42)) {
      expect(validateAgainst(schema, value)).toEqual([]);
    }
  });
});
