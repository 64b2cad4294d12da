import { afterAll, describe, expect, it } from "vitest";
import { ACTION_CASES } from "./cases";
import { operationKey, wireVersionOf } from "./contract";
import { checkRequest } from "./request-check";
import { actionNames, runAction } from "./run-action";
import { recordSummary } from "./summary";
import { SDK_VERSIONS } from "./versions";

// Every action's request, under every API version, against the operation of
// the contract it reaches: path, query, headers, body and content type.

describe("every action has a contract case", () => {
  it("lists each exported action once", () => {
    expect(Object.keys(ACTION_CASES).sort()).toEqual(actionNames());
  });
});

const calls = Object.entries(ACTION_CASES).flatMap(([action, entry]) =>
  SDK_VERSIONS.flatMap((version) =>
    entry.calls.map((args, index) => ({ action, version, args, call: index + 1, entry })),
  ),
);

const tally = { requests: 0, operations: new Set<string>() };

describe("requests conform to the contract", () => {
  afterAll(() => {
    recordSummary("requests", { requests: tally.requests, operations: tally.operations.size });
  });

  it.each(calls)("$action call $call ($version)", async ({ action, version, args, entry }) => {
    const run = await runAction({
      flavour: "zod",
      action,
      args,
      version,
      respond: () => ({ status: 500, body: { detail: "not answered" } }),
    });
    expect(run.requests, "exactly one request").toHaveLength(1);
    const [request] = run.requests;
    // A pinned action sends the version its endpoint keeps its meaning in.
    expect(request!.headers.get("x-phala-version")).toBe(wireVersionOf(action, version));
    const verdict = checkRequest(request!);
    tally.requests++;
    if (verdict.operation) tally.operations.add(operationKey(verdict.operation));
    expect(verdict.operation && operationKey(verdict.operation)).toBe(entry.operation);
    expect(verdict.problems).toEqual([]);
  });
});

describe("the state stream's request conforms to the contract", () => {
  const stream = 'event: complete\ndata: {"status":"running","target":"running","elapsed":1}\n\n';
  it.each(SDK_VERSIONS)("watchCvmState (%s)", async (version) => {
    for (const args of [
      { id: "cvm_3kBf9XwQ", target: "running" },
      { id: "cvm_3kBf9XwQ", target: "stopped", interval: 5, timeout: 600 },
    ]) {
      const run = await runAction({
        flavour: "zod",
        action: "watchCvmState",
        args,
        version,
        respond: () => ({ status: 200, text: stream, contentType: "text/event-stream" }),
      });
      expect(run.error).toBeUndefined();
      const verdict = checkRequest(run.requests[0]!);
      tally.requests++;
      expect(verdict.operation && operationKey(verdict.operation)).toBe("GET /cvms/{cvm_id}/state");
      expect(verdict.problems).toEqual([]);
    }
  });
});
