import { afterEach, describe, expect, it, vi } from "vitest";
import { readEnv } from "./env";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("readEnv", () => {
  it("reads a variable from process.env", () => {
    vi.stubEnv("PHALA_TEST_READ_ENV", "value-1");
    expect(readEnv("PHALA_TEST_READ_ENV")).toBe("value-1");
  });

  it("returns undefined for an unset or empty variable", () => {
    vi.stubEnv("PHALA_TEST_READ_ENV", undefined);
    expect(readEnv("PHALA_TEST_READ_ENV")).toBeUndefined();
    vi.stubEnv("PHALA_TEST_READ_ENV", "");
    expect(readEnv("PHALA_TEST_READ_ENV")).toBeUndefined();
  });

  it("does not throw when globalThis.process is undefined", () => {
    vi.stubEnv("PHALA_TEST_READ_ENV", "value-1");
    vi.stubGlobal("process", undefined);
    let result: string | undefined = "not called";
    let threw: unknown;
    try {
      result = readEnv("PHALA_TEST_READ_ENV");
    } catch (error) {
      threw = error;
    } finally {
      vi.unstubAllGlobals();
    }
    expect(threw).toBeUndefined();
    expect(result).toBeUndefined();
    expect((globalThis as { process?: unknown }).process).toBeDefined();
  });

  it("does not throw when process.env throws on access (sandboxed)", () => {
    const sandboxed = {
      get env(): never {
        throw new Error("access denied");
      },
    };
    vi.stubGlobal("process", sandboxed);
    let result: string | undefined = "not called";
    try {
      result = readEnv("PHALA_TEST_READ_ENV");
    } finally {
      vi.unstubAllGlobals();
    }
    expect(result).toBeUndefined();
  });

  it("reads Deno.env where there is no process", () => {
    vi.stubGlobal("process", undefined);
    vi.stubGlobal("Deno", {
      env: { get: (key: string) => (key === "X_FROM_DENO" ? "deno" : undefined) },
    });
    let result: string | undefined;
    try {
      result = readEnv("X_FROM_DENO");
    } finally {
      vi.unstubAllGlobals();
    }
    expect(result).toBe("deno");
  });

  it("does not throw when Deno.env.get throws (no --allow-env)", () => {
    vi.stubGlobal("process", undefined);
    vi.stubGlobal("Deno", {
      env: {
        get: () => {
          throw new Error("PermissionDenied");
        },
      },
    });
    let result: string | undefined = "not called";
    try {
      result = readEnv("X_FROM_DENO");
    } finally {
      vi.unstubAllGlobals();
    }
    expect(result).toBeUndefined();
  });
});
