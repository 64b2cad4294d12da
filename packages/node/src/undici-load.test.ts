import { APIConnectionError } from "@phala/cloud-core";
import { afterEach, describe, expect, it, vi } from "vitest";

// Its own file: undici is mocked away here, and the module cache of node-fetch
// (which keeps undici once loaded) must start empty.
afterEach(() => {
  vi.doUnmock("undici");
  vi.resetModules();
});

describe("undici, loaded at the first request", () => {
  it("a failure to load it fails the call as a typed connection error; a later call tries again", async () => {
    let attempts = 0;
    vi.doMock("undici", () => {
      attempts++;
      throw new Error("Cannot find package 'undici'");
    });
    const { createClient } = await import("./create-client");
    const client = createClient({
      apiKey: "phak_test_0123456789abcdef",
      baseURL: "http://127.0.0.1:9/api/v1",
      maxRetries: 0,
    });
    const error = await client.getCurrentUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain("could not load undici");
    const failed = await client.safeGetCurrentUser();
    expect(failed.success).toBe(false);
    expect(failed.error).toBeInstanceOf(APIConnectionError);
    expect(attempts).toBe(2);
  });
});
