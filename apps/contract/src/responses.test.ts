import { isDeepStrictEqual } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ACTION_CASES } from "./cases";
import { findOperation, isUndocumented, successStatuses, validateAgainst } from "./contract";
import { expectedResponseSchema } from "./exceptions";
import { defaultViolations, droppedFields } from "./response-check";
import { type Flavour, runAction } from "./run-action";
import { fullSample, minimalSample, randomSamples } from "./samples";
import { recordSummary } from "./summary";
import { SDK_VERSIONS } from "./versions";

// For every action, version and result status: bodies generated from the
// contract's schema (every property; only the required ones with nullables
// null; random ones from fixed seeds) go through the real action, validated by
// the zod and the valibot schemas. Each must be accepted, keep every field,
// and fill the contract's defaults.

const RANDOM_PER_CASE = 12;
const FLAVOURS: Flavour[] = ["zod", "valibot"];

const tally = {
  accepted: 0,
  rejected: 0,
  operations: new Set<string>(),
  actions: new Set<string>(),
};

const cases = Object.entries(ACTION_CASES).flatMap(([action, entry]) => {
  const operation = findOperation(entry.operation);
  const statuses = entry.statuses ?? (operation ? successStatuses(operation) : ["200"]);
  return SDK_VERSIONS.flatMap((version) =>
    statuses.map((status) => ({ action, version, status, entry })),
  );
});

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

describe("generated responses are accepted", () => {
  afterAll(() => {
    recordSummary("responses", {
      operations: tally.operations.size,
      actions: tally.actions.size,
      accepted: tally.accepted,
      rejected: tally.rejected,
    });
  });

  it.each(cases)("$action $status ($version)", async ({ action, version, status, entry }) => {
    // Versions the reference leaves out: the body the SDK's version chain derives.
    const found = expectedResponseSchema(entry.operation, status, version, [action]);
    tally.operations.add(entry.operation);
    tally.actions.add(action);
    if (status === "204") {
      for (const flavour of FLAVOURS) {
        const run = await runAction({
          flavour,
          action,
          args: entry.calls[0],
          version,
          respond: () => ({ status: 204 }),
        });
        if (run.ok) tally.accepted++;
        else tally.rejected++;
        expect(run.error, `${flavour}: 204`).toBeUndefined();
      }
      return;
    }
    expect(
      isUndocumented(found?.schema),
      `${entry.operation} ${status}: the reference leaves the body open and no exception gives it`,
    ).toBe(false);
    const schema = found!.schema;
    const samples: { kind: string; body: unknown }[] = [
      { kind: "full", body: fullSample(schema) },
      { kind: "minimal", body: minimalSample(schema) },
      ...randomSamples(schema, RANDOM_PER_CASE, seedOf(`${action} ${status} ${version}`)).map(
        (body, index) => ({ kind: `random #${index + 1}`, body }),
      ),
    ];
    const problems: string[] = [];
    for (const { kind, body } of samples) {
      // The generator is checked too: a sample the contract refuses proves nothing.
      expect(validateAgainst(schema, body), `${kind} sample conforms`).toEqual([]);
      const outputs: Partial<Record<Flavour, unknown>> = {};
      for (const flavour of FLAVOURS) {
        const run = await runAction({
          flavour,
          action,
          args: entry.calls[0],
          version,
          respond: () => ({ status: Number(status), body }),
        });
        const label = `${flavour} ${kind}`;
        if (!run.ok) {
          tally.rejected++;
          const error = run.error as { message?: string; issues?: unknown };
          problems.push(`${label}: ${error.message} ${JSON.stringify(error.issues ?? "")}`);
          continue;
        }
        tally.accepted++;
        outputs[flavour] = run.data;
        if (entry.reshapes) continue;
        if (entry.document) {
          // As the action received it: through JSON, so plain objects.
          const sent = JSON.parse(JSON.stringify(body));
          if (!isDeepStrictEqual(run.data, sent)) problems.push(`${label}: the document changed`);
          continue;
        }
        if (kind === "full") {
          for (const dropped of droppedFields(body, run.data))
            problems.push(`${label}: ${dropped}`);
        }
        for (const violation of defaultViolations(schema, body, run.data)) {
          problems.push(`${label}: ${violation}`);
        }
      }
      if (
        "zod" in outputs &&
        "valibot" in outputs &&
        !isDeepStrictEqual(outputs.zod, outputs.valibot)
      ) {
        problems.push(`${kind}: zod and valibot give different results`);
      }
    }
    expect(problems).toEqual([]);
  });
});
