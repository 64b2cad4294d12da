// Core as its default build links it: `@phala/cloud-schemas` resolved to the
// lazy entry (packages/core/tsup.config.ts), whose schemas validate
// asynchronously until their module has loaded. Every response path must give
// the same results and errors as with the zod schemas themselves.
import type * as Schemas from "@phala/cloud-schemas";
import { describe, expect, it, vi } from "vitest";
import { watchCvmState } from "./actions/cvms/watch-cvm-state";
import { createBaseClient } from "./client";
import { ResponseValidationError } from "./errors";
import { actionCases, fakeFetch, TEST_API_KEY, TEST_BASE_URL, validBodies } from "./test-utils";

vi.mock("@phala/cloud-schemas", () => import("@phala/cloud-schemas/lazy"));

// First validations load zod and schema modules inside the tests: seconds on a
// loaded machine. Not a speed check.
vi.setConfig({ testTimeout: 30_000 });

const zod = await vi.importActual<typeof Schemas>("@phala/cloud-schemas");
const linked = await import("@phala/cloud-schemas");

function client(body: unknown, version: "2025-10-28" | "2026-01-21" = "2026-01-21") {
  return createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    version,
    fetch: fakeFetch({ body }).fetch,
  });
}

describe("core linked with the lazy schemas", () => {
  it("links proxies, not the zod schemas", () => {
    expect(linked.getCvmInfoResponseSchemas["2026-01-21"]).not.toBe(
      zod.getCvmInfoResponseSchemas["2026-01-21"],
    );
    expect(linked.getCvmInfoResponseSchemas["2026-01-21"]["~standard"].vendor).toBe("zod");
  });

  it("each version-aware action returns what the zod schema outputs, in both versions", async () => {
    for (const version of ["2025-10-28", "2026-01-21"] as const) {
      for (const action of actionCases) {
        const raw: unknown = validBodies[version][action.name]();
        const body = Array.isArray(raw) ? raw : { ...(raw as object), added_later: 1 };
        const expected = (await zod[`${action.name}ResponseSchemas`][version]["~standard"].validate(
          body,
        )) as { value: unknown };
        // Twice: the first validation loads the module, the second is synchronous.
        for (let i = 0; i < 2; i++) {
          expect(await action.call(client(body, version)), `${action.name} ${version}`).toEqual(
            expected.value,
          );
        }
      }
    }
  });

  it("a body of the wrong shape is a ResponseValidationError with the zod schema's issues", async () => {
    const body = { ...validBodies["2026-01-21"].getCvmInfo(), id: 7, resource: "big" };
    const failure = (await zod.CvmInfoDetailV20260121Schema["~standard"].validate(body)) as {
      issues: { path: PropertyKey[]; message: string }[];
    };
    const getCvmInfo = actionCases.find((a) => a.name === "getCvmInfo")!;
    for (let i = 0; i < 2; i++) {
      const error = await getCvmInfo.call(client(body)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).issues).toEqual(
        failure.issues.map((issue) => ({
          path: issue.path.map(String).join("."),
          message: issue.message,
        })),
      );
    }
  });

  it("watchCvmState validates each event, the first ones asynchronously", async () => {
    const events = [
      ["state", { status: "starting", name: "web" }],
      ["state", { status: "running", name: "web" }],
      ["complete", { status: "running", target: "running", elapsed: 4 }],
    ];
    const text = events
      .map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
      .join("");
    const fake = fakeFetch(
      () => new Response(text, { headers: { "content-type": "text/event-stream" } }),
    );
    const watcher = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const seen: string[] = [];
    const state = await watchCvmState(
      watcher,
      { id: "cvm-abc123", target: "running" },
      { onEvent: (event) => seen.push(event.type) },
    );
    expect(state).toMatchObject({ status: "running", name: "web" });
    expect(seen).toEqual(["state", "state", "complete"]);

    const bad = fakeFetch(
      () =>
        new Response(`event: state\ndata: ${JSON.stringify({ status: 7 })}\n\n`, {
          headers: { "content-type": "text/event-stream" },
        }),
    );
    const failing = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: bad.fetch,
    });
    await expect(
      watchCvmState(failing, { id: "cvm-abc123", target: "running" }, { maxReconnects: 0 }),
    ).rejects.toBeInstanceOf(ResponseValidationError);
  });
});
