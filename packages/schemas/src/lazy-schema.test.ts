import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expect, it } from "vitest";
import { currentUserV20251028, currentUserV20260121 } from "./fixtures.test-support";
import * as zodSchemas from "./index";
import { lazyEntry, lazyExport, lazySchema } from "./lazy-schema";

const real = zodSchemas.getCurrentUserResponseSchemas["2026-01-21"];

/** The lazy stand-in of `real`, counting how often its module is imported. */
function counted() {
  let loads = 0;
  const load = async () => {
    loads++;
    return zodSchemas as unknown as Record<string, unknown>;
  };
  return { load, loads: () => loads };
}

const badUser = () => ({
  ...currentUserV20260121(),
  user: { ...currentUserV20260121().user, username: 42 },
  credits: "lots",
});

describe("lazySchema", () => {
  it("is a Standard Schema of the same vendor; nothing loads until the first validation", () => {
    const { load, loads } = counted();
    const lazy = lazyExport(load, "CurrentUserV20260121Schema");
    expect(lazy["~standard"].version).toBe(1);
    expect(lazy["~standard"].vendor).toBe(real["~standard"].vendor);
    expect(loads()).toBe(0);
  });

  it("validates asynchronously the first time, with the real schema's result", async () => {
    const { load } = counted();
    const lazy = lazyExport(load, "CurrentUserV20260121Schema");
    const body = { ...currentUserV20260121(), added_later: true };
    const first = lazy["~standard"].validate(body);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual(real["~standard"].validate(body));
  });

  it("then synchronously, still with the real schema's result", async () => {
    const { load } = counted();
    const lazy = lazyExport(load, "CurrentUserV20260121Schema");
    await lazy["~standard"].validate({});
    const body = currentUserV20260121();
    const second = lazy["~standard"].validate(body);
    expect(second).not.toBeInstanceOf(Promise);
    expect(second).toEqual(real["~standard"].validate(body));
  });

  it("reports the real schema's issues, paths and messages, on both paths", async () => {
    const { load } = counted();
    const lazy = lazyExport(load, "CurrentUserV20260121Schema");
    const expected = real["~standard"].validate(badUser()) as StandardSchemaV1.FailureResult;
    expect(expected.issues.length).toBeGreaterThan(1);
    expect(await lazy["~standard"].validate(badUser())).toEqual(expected);
    expect(lazy["~standard"].validate(badUser())).toEqual(expected);
    expect(await lazy["~standard"].validate(undefined)).toEqual(
      real["~standard"].validate(undefined),
    );
  });

  it("imports its module once, however many validations wait for it", async () => {
    const { load, loads } = counted();
    const lazy = lazyExport(load, "CurrentUserV20260121Schema");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => lazy["~standard"].validate(currentUserV20260121())),
    );
    for (const result of results) expect(result.issues).toBeUndefined();
    lazy["~standard"].validate(currentUserV20260121());
    expect(loads()).toBe(1);
  });

  it("a schema that validates asynchronously itself stays asynchronous", async () => {
    const asyncSchema: StandardSchemaV1<unknown, string> = {
      "~standard": {
        version: 1,
        vendor: "test",
        validate: async (value) =>
          typeof value === "string" ? { value } : { issues: [{ message: "not a string" }] },
      },
    };
    const lazy = lazySchema(async () => asyncSchema, "test");
    expect(await lazy["~standard"].validate("a")).toEqual({ value: "a" });
    const later = lazy["~standard"].validate(1);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toEqual({ issues: [{ message: "not a string" }] });
  });

  it("a failed import rejects that validation; the next one imports again", async () => {
    let attempts = 0;
    const lazy = lazySchema(async () => {
      attempts++;
      if (attempts === 1) throw new Error("import failed");
      return real;
    });
    await expect(lazy["~standard"].validate(currentUserV20260121())).rejects.toThrow(
      "import failed",
    );
    const result = await lazy["~standard"].validate(currentUserV20260121());
    expect(result.issues).toBeUndefined();
    expect(attempts).toBe(2);
  });

  it("a name the module does not export is an error at validation", async () => {
    const lazy = lazyExport(counted().load, "NoSuchSchema");
    await expect(lazy["~standard"].validate({})).rejects.toThrow("exports no NoSuchSchema");
  });
});

describe("lazyEntry", () => {
  it("validates like the table's entry, importing nothing before", async () => {
    for (const [version, body] of [
      ["2025-10-28", currentUserV20251028()],
      ["2026-01-21", currentUserV20260121()],
    ] as const) {
      const { load, loads } = counted();
      const entry = lazyEntry(load, "getCurrentUserResponseSchemas", version);
      expect(loads()).toBe(0);
      const realEntry = zodSchemas.getCurrentUserResponseSchemas[version];
      expect(await entry["~standard"].validate(body)).toEqual(
        realEntry["~standard"].validate(body),
      );
      expect(entry["~standard"].validate(badUser())).toEqual(
        realEntry["~standard"].validate(badUser()),
      );
    }
  });

  it("a key the real table lacks is an error at validation", async () => {
    const entry = lazyEntry(counted().load, "getCurrentUserResponseSchemas", "2099-01-01");
    await expect(entry["~standard"].validate({})).rejects.toThrow(
      "getCurrentUserResponseSchemas has no 2099-01-01",
    );
  });
});
