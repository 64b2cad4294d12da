/// <reference types="node" />
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getCurrentUser, getCvmInfo, getCvmList } from "./actions";
import { createBaseClient } from "./client";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  InternalServerError,
  PhalaCloudError,
  RequestValidationError,
  ResponseValidationError,
} from "./errors";
import { ApiKey, redactApiKey } from "./secret";
import {
  cvmDetailV20251028,
  fakeFetch,
  hangingFetch,
  TEST_API_KEY,
  TEST_BASE_URL,
} from "./test-utils";

// TEST_API_KEY is "phak_TOPSECRETk3y0123456789wxyz": its middle never may show.
const SECRET_PART = "TOPSECRETk3y0123456789";

function expectNoKey(text: string | undefined) {
  expect(text ?? "").not.toContain(TEST_API_KEY);
  expect(text ?? "").not.toContain(SECRET_PART);
}

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("redactApiKey", () => {
  it("keeps the prefix and the last four characters", () => {
    expect(redactApiKey("phak_abcdefghijklmnop1a2b")).toBe("phak_…1a2b");
    expect(redactApiKey(TEST_API_KEY)).toBe("phak_…wxyz");
  });

  it("shows no prefix when the key has none", () => {
    expect(redactApiKey("abcdefghijklmnop1a2b")).toBe("…1a2b");
    // an underscore too far in is not a prefix
    expect(redactApiKey("abcdefghijk_lmnop1a2b")).toBe("…1a2b");
  });

  it("shows nothing of a short key", () => {
    expect(redactApiKey("short_1234")).toBe("…");
    expect(redactApiKey("")).toBe("…");
  });
});

describe("ApiKey", () => {
  it("reveals the key only through reveal()", () => {
    const key = new ApiKey(TEST_API_KEY);
    expect(key.reveal()).toBe(TEST_API_KEY);
    expect(key.redacted).toBe("phak_…wxyz");
    expect(String(key)).toBe("phak_…wxyz");
    expect(`${key}`).toBe("phak_…wxyz");
    expect(JSON.stringify({ key })).toBe('{"key":"phak_…wxyz"}');
    expectNoKey(inspect(key, { showHidden: true, depth: 10 }));
    expectNoKey(inspect({ nested: { key } }, { showHidden: true, depth: 10 }));
    expect(Object.keys(key)).toEqual([]);
  });
});

describe("the client never shows the key", () => {
  function clients() {
    const base = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fakeFetch().fetch,
    });
    return [base, base.withVersion("2025-10-28"), base.extend({ getCvmInfo })];
  }

  it("not in JSON.stringify, which shows the redacted key", () => {
    for (const client of clients()) {
      const json = JSON.stringify(client);
      expectNoKey(json);
      expect(JSON.parse(json)).toEqual({
        version: client.version,
        baseURL: TEST_BASE_URL,
        timeout: 30_000,
        apiKey: "phak_…wxyz",
      });
    }
  });

  it("not in String(client) or a template", () => {
    for (const client of clients()) {
      expectNoKey(String(client));
      expectNoKey(`${client}`);
    }
  });

  it("not in util.inspect, even with showHidden and depth 10", () => {
    for (const client of clients()) {
      const shown = inspect(client, { showHidden: true, depth: 10 });
      expectNoKey(shown);
      expect(shown).toContain("phak_…wxyz");
      expectNoKey(inspect({ wrapper: [client] }, { showHidden: true, depth: 10 }));
    }
  });

  it("not in any enumerable or symbol-keyed own property value", () => {
    const client = clients()[0]!;
    const reachable = [
      ...Object.values(client),
      ...Object.getOwnPropertySymbols(client).map((s) =>
        inspect((client as any)[s], { depth: 10 }),
      ),
    ].map((value) => (typeof value === "string" ? value : String(value)));
    for (const text of reachable) expectNoKey(text);
  });

  it("a client with no key shows apiKey undefined", () => {
    const client = createBaseClient({ baseURL: TEST_BASE_URL });
    expect(client.toJSON().apiKey).toBeUndefined();
  });
});

describe("errors never show the key", () => {
  function expectErrorHidesKey(error: unknown) {
    expect(error).toBeInstanceOf(PhalaCloudError);
    const e = error as Error;
    expectNoKey(e.message);
    expectNoKey(e.stack);
    expectNoKey(JSON.stringify(e));
    expectNoKey(inspect(e));
    expectNoKey(inspect(e, { showHidden: true, depth: 10 }));
    expectNoKey(String(e));
  }

  function client(fetch: ReturnType<typeof fakeFetch>["fetch"], timeout?: number) {
    return createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL, fetch, timeout });
  }

  it("401", async () => {
    const fake = fakeFetch({ status: 401, body: { detail: "Invalid API key" } });
    const error = await getCurrentUser(client(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expectErrorHidesKey(error);
  });

  it("500", async () => {
    const fake = fakeFetch({
      status: 500,
      body: { detail: { error_code: "ERR-01-000", message: "Internal error" } },
      headers: { "x-request-id": "req_1" },
    });
    const error = await getCvmList(client(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expectErrorHidesKey(error);
  });

  it("timeout", async () => {
    const error = await getCurrentUser(client(hangingFetch().fetch, 20)).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expectErrorHidesKey(error);
  });

  it("connection failure", async () => {
    const error = await getCurrentUser(
      client(() => Promise.reject(new TypeError("fetch failed"))),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expectErrorHidesKey(error);
  });

  it("response validation", async () => {
    const fake = fakeFetch({ body: cvmDetailV20251028() });
    const error = await getCvmInfo(client(fake.fetch), { id: "cvm_1" }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expectErrorHidesKey(error);
  });

  it("custom schema validation", async () => {
    const fake = fakeFetch({ body: { a: 1 } });
    const error = await getCurrentUser(client(fake.fetch), {}, { schema: z.string() }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expectErrorHidesKey(error);
  });

  it("request validation", async () => {
    const error = await getCvmList(client(fakeFetch().fetch), { page: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expectErrorHidesKey(error);
  });
});
