import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser, getCvmInfo, getCvmList } from "./actions";
import { type AnyClient, createBaseClient, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from "./client";
import { PhalaCloudError } from "./errors";
import {
  currentUserV20251028,
  currentUserV20260121,
  cvmDetailV20251028,
  cvmDetailV20260121,
  fakeFetch,
  TEST_API_KEY,
  TEST_BASE_URL,
  trackAbortListeners,
  validBodies,
} from "./test-utils";
import { resolveApiVersion } from "./versions";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

function versionAwareUserFetch() {
  return fakeFetch((call) => ({
    body: validBodies[resolveApiVersion(call.headers["x-phala-version"])].getCurrentUser(),
  }));
}

describe("config defaults", () => {
  it("takes the API key from PHALA_CLOUD_API_KEY when none is given", async () => {
    vi.stubEnv("PHALA_CLOUD_API_KEY", "phak_fromEnvironment0000abcd");
    const fake = fakeFetch({ body: currentUserV20260121() });
    const client = createBaseClient({ baseURL: TEST_BASE_URL, fetch: fake.fetch });
    await getCurrentUser(client);
    expect(fake.calls[0]!.headers["x-api-key"]).toBe("phak_fromEnvironment0000abcd");
  });

  it("prefers the configured API key over the environment", async () => {
    vi.stubEnv("PHALA_CLOUD_API_KEY", "phak_fromEnvironment0000abcd");
    const fake = fakeFetch({ body: currentUserV20260121() });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    await getCurrentUser(client);
    expect(fake.calls[0]!.headers["x-api-key"]).toBe(TEST_API_KEY);
  });

  it("takes the base URL from PHALA_CLOUD_API_PREFIX when none is given", async () => {
    vi.stubEnv("PHALA_CLOUD_API_PREFIX", "https://staging.phala.test/api/v1");
    const fake = fakeFetch({ body: currentUserV20260121() });
    const client = createBaseClient({ apiKey: TEST_API_KEY, fetch: fake.fetch });
    expect(client.baseURL).toBe("https://staging.phala.test/api/v1");
    await getCurrentUser(client);
    expect(fake.calls[0]!.url).toBe("https://staging.phala.test/api/v1/auth/me");
  });

  it("prefers the configured base URL over the environment", () => {
    vi.stubEnv("PHALA_CLOUD_API_PREFIX", "https://staging.phala.test/api/v1");
    const client = createBaseClient({ baseURL: TEST_BASE_URL });
    expect(client.baseURL).toBe(TEST_BASE_URL);
  });

  it("defaults the base URL to https://cloud-api.phala.com/api/v1", async () => {
    const fake = fakeFetch({ body: currentUserV20260121() });
    const client = createBaseClient({ apiKey: TEST_API_KEY, fetch: fake.fetch });
    expect(DEFAULT_BASE_URL).toBe("https://cloud-api.phala.com/api/v1");
    expect(client.baseURL).toBe("https://cloud-api.phala.com/api/v1");
    await getCurrentUser(client);
    expect(fake.calls[0]!.url).toBe("https://cloud-api.phala.com/api/v1/auth/me");
  });

  it("an empty PHALA_CLOUD_API_KEY counts as no key", async () => {
    vi.stubEnv("PHALA_CLOUD_API_KEY", "");
    const fake = fakeFetch({ body: currentUserV20260121() });
    const client = createBaseClient({ baseURL: TEST_BASE_URL, fetch: fake.fetch });
    await getCurrentUser(client);
    expect(fake.calls[0]!.headers).not.toHaveProperty("x-api-key");
  });

  it("works without globalThis.process (edge runtimes): defaults apply", () => {
    vi.stubEnv("PHALA_CLOUD_API_PREFIX", "https://staging.phala.test/api/v1");
    vi.stubGlobal("process", undefined);
    let client: AnyClient & { baseURL: string };
    try {
      client = createBaseClient();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(client.baseURL).toBe(DEFAULT_BASE_URL);
  });

  it("defaults the timeout to 30000 ms and the version to 2026-01-21", () => {
    const client = createBaseClient();
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
    expect(client.timeout).toBe(30_000);
    expect(client.version).toBe("2026-01-21");
  });

  it("keeps a configured timeout, including 0 (no timeout)", () => {
    expect(createBaseClient({ timeout: 1234 }).timeout).toBe(1234);
    expect(createBaseClient({ timeout: 0 }).timeout).toBe(0);
  });

  it.each([["not a url"], ["/api/v1"], [""], ["cloud-api.phala.com/api/v1"]])(
    "refuses the base URL %j with PhalaCloudError",
    (baseURL) => {
      expect(() => createBaseClient({ baseURL })).toThrow(PhalaCloudError);
      expect(() => createBaseClient({ baseURL })).toThrow(/baseURL/);
    },
  );

  it("refuses an invalid PHALA_CLOUD_API_PREFIX with PhalaCloudError", () => {
    vi.stubEnv("PHALA_CLOUD_API_PREFIX", "not a url");
    expect(() => createBaseClient()).toThrow(PhalaCloudError);
  });

  it.each([[-1], [-0.5], [Number.NaN], ["100" as unknown as number]])(
    "refuses the timeout %j with PhalaCloudError",
    (timeout) => {
      expect(() => createBaseClient({ timeout })).toThrow(PhalaCloudError);
      expect(() => createBaseClient({ timeout })).toThrow(/timeout/i);
    },
  );
});

describe("withVersion", () => {
  it("returns a new client; the original keeps its version; both use the same fetch", async () => {
    const fake = versionAwareUserFetch();
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const legacy = client.withVersion("2025-10-28");
    expect(legacy).not.toBe(client);
    expect(legacy.version).toBe("2025-10-28");
    expect(client.version).toBe("2026-01-21");
    expect(legacy.baseURL).toBe(client.baseURL);
    expect(legacy.timeout).toBe(client.timeout);

    const legacyUser = await getCurrentUser(legacy);
    const user = await getCurrentUser(client);
    expect(legacyUser).toMatchObject(currentUserV20251028());
    expect(user).toMatchObject(currentUserV20260121());
    expect(fake.calls.map((c) => c.headers["x-phala-version"])).toEqual([
      "2025-10-28",
      "2026-01-21",
    ]);
    expect(fake.calls.map((c) => c.headers["x-api-key"])).toEqual([TEST_API_KEY, TEST_API_KEY]);
  });

  it("withVersion('LATEST') is a client of the newest version's date, and sends that date", async () => {
    const fake = versionAwareUserFetch();
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const latest = client.withVersion("LATEST");
    expect(latest.version).toBe("2026-06-23");
    expect(latest.toJSON().version).toBe("2026-06-23");
    await getCurrentUser(latest);
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-06-23");
    expect(client.version).toBe("2026-01-21");
  });

  it("keeps extensions: extend(...).withVersion(...) sends the new version", async () => {
    const fake = fakeFetch((call) => ({
      body:
        call.headers["x-phala-version"] === "2025-10-28"
          ? cvmDetailV20251028()
          : cvmDetailV20260121(),
    }));
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    })
      .extend({ getCvmInfo })
      .withVersion("2025-10-28");
    const cvm = await client.getCvmInfo({ id: "cvm_1" });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2025-10-28");
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1`);
    expect(cvm.memory).toBe(4096);
  });
});

describe("extend", () => {
  it("binds standalone actions as methods taking the client first", async () => {
    const fake = fakeFetch({ body: validBodies["2026-01-21"].getCvmList() });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    }).extend({ getCvmList });
    const list = await client.getCvmList({ page: 3 });
    expect(list.items).toHaveLength(1);
    expect(new URL(fake.calls[0]!.url).searchParams.get("page")).toBe("3");
  });

  it("binds a plain function (client, x) => ... with the client first", () => {
    const base = createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL });
    const seen: unknown[] = [];
    const client = base.extend({
      describe: (c: AnyClient, suffix: string) => {
        seen.push(c);
        return `${c.version}${suffix}`;
      },
    });
    expect(client.describe("!")).toBe("2026-01-21!");
    expect(seen[0]).toBe(client);
    expect(client.withVersion("2025-10-28").describe("?")).toBe("2025-10-28?");
  });

  it("returns a new client and leaves the original without the method", () => {
    const base = createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL });
    const extended = base.extend({ getCurrentUser });
    expect(extended).not.toBe(base);
    expect(typeof extended.getCurrentUser).toBe("function");
    expect((base as unknown as Record<string, unknown>).getCurrentUser).toBeUndefined();
  });

  it("extending twice keeps the first actions", async () => {
    const fake = versionAwareUserFetch();
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    })
      .extend({ getCurrentUser })
      .extend({ twice: (c: AnyClient) => c.version });
    expect(client.twice()).toBe("2026-01-21");
    await expect(client.getCurrentUser()).resolves.toMatchObject(currentUserV20260121());
  });

  it.each(["version", "request", "withVersion", "extend", "baseURL", "timeout", "toJSON"])(
    "refuses the reserved name %s",
    (name) => {
      const base = createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL });
      expect(() => base.extend({ [name]: () => 1 })).toThrow(PhalaCloudError);
      expect(() => base.extend({ [name]: () => 1 })).toThrow(name);
      expect(base.version).toBe("2026-01-21");
      expect(typeof base.request).toBe("function");
    },
  );
});

describe("extend with a function (viem's form)", () => {
  it("adds what the function returns as it is, with the client it was given", async () => {
    const fake = fakeFetch({ body: validBodies["2026-01-21"].getCvmInfo() });
    const base = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const seen: AnyClient[] = [];
    const client = base.extend((c) => {
      seen.push(c);
      return { cvm: (id: string) => getCvmInfo(c, { id }), label: `v${c.version}` };
    });
    expect(client.label).toBe("v2026-01-21");
    const cvm = await client.cvm("cvm-abc123");
    expect(cvm.id).toBeDefined();
    expect(fake.calls[0]!.url).toContain("/cvms/cvm-abc123");
    expect(seen).toEqual([client]);
  });

  it("chains: each function sees what the earlier ones added, records and functions mixed", async () => {
    const fake = versionAwareUserFetch();
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    })
      .extend({ getCurrentUser })
      .extend((c) => ({ me: () => c.getCurrentUser() }))
      .extend((c) => ({ name: async () => (await c.me()).user.username }));
    await expect(client.name()).resolves.toBe(currentUserV20260121().user.username);
  });

  it("withVersion calls the functions again with the new client", async () => {
    const base = createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL });
    const extended = base.extend((c) => ({ sends: () => c.version }));
    expect(extended.sends()).toBe("2026-01-21");
    expect(extended.withVersion("2025-10-28").sends()).toBe("2025-10-28");
  });

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["a string", "getCvmInfo"],
    ["an array", [getCvmInfo]],
    ["a record with a non-function", { getCvmInfo, limit: 3 }],
  ])("refuses %s with a TypeError, leaving the client as it was", (_label, value) => {
    const base = createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL });
    expect(() => base.extend(value as never)).toThrow(TypeError);
    expect(() => base.extend(value as never)).toThrow(/client\.extend\(\)/);
    expect(Object.keys(base)).not.toContain("limit");
  });

  it("refuses a function that returns no object, and one that takes a reserved name", () => {
    const base = createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL });
    expect(() => base.extend((() => undefined) as never)).toThrow(TypeError);
    expect(() => base.extend((() => 3) as never)).toThrow(/not 3/);
    expect(() => base.extend(() => ({ version: "x" }))).toThrow(PhalaCloudError);
  });
});

describe("an action without arguments takes its options in the arguments' place", () => {
  it("getCurrentUser(client, { schema: false }) is honoured, as the official SDK takes it", async () => {
    const fake = fakeFetch({ body: { not: "a user" } });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    await expect(getCurrentUser(client)).rejects.toMatchObject({ name: "ResponseValidationError" });
    await expect(getCurrentUser(client, { schema: false })).resolves.toEqual({ not: "a user" });
    const bound = client.extend({ getCurrentUser });
    await expect(bound.getCurrentUser({ schema: false })).resolves.toEqual({ not: "a user" });
  });

  it("version and headers in the arguments' place go on the wire", async () => {
    const fake = versionAwareUserFetch();
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const legacy = await getCurrentUser(client, {
      version: "2025-10-28",
      headers: { "x-trace": "1" },
    });
    expect(legacy).toMatchObject(currentUserV20251028());
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2025-10-28");
    expect(fake.calls[0]!.headers["x-trace"]).toBe("1");
  });

  it("the older form (empty arguments, then options) still works", async () => {
    const fake = fakeFetch({ body: { not: "a user" } });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    await expect(getCurrentUser(client, {}, { schema: false })).resolves.toEqual({ not: "a user" });
    await expect(getCurrentUser(client, undefined, { schema: false })).resolves.toEqual({
      not: "a user",
    });
  });

  it("anything that is not an option is refused before sending, never ignored", async () => {
    const fake = fakeFetch({ body: currentUserV20260121() });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    await expect(getCurrentUser(client, { shcema: false } as never)).rejects.toMatchObject({
      name: "RequestValidationError",
      issues: [{ path: "shcema" }],
    });
    await expect(getCurrentUser(client, { id: "x" } as never, {})).rejects.toMatchObject({
      name: "RequestValidationError",
      issues: [{ path: "id" }],
    });
    expect(fake.calls).toHaveLength(0);
  });
});

describe("client.request", () => {
  it("sends a GET with the SDK headers and returns the body", async () => {
    const fake = fakeFetch({ body: { anything: [1, 2] } });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      version: "2025-10-28",
      headers: { "x-client-name": "tests" },
    });
    const body = await client.request({ path: "/auth/me" });
    expect(body).toEqual({ anything: [1, 2] });
    const call = fake.calls[0]!;
    expect(call.method).toBe("GET");
    expect(call.url).toBe(`${TEST_BASE_URL}/auth/me`);
    expect(call.headers["x-phala-version"]).toBe("2025-10-28");
    expect(call.headers["x-api-key"]).toBe(TEST_API_KEY);
    expect(call.headers.accept).toBe("application/json");
    expect(call.headers["user-agent"]).toBeTruthy();
    expect(call.headers["x-client-name"]).toBe("tests");
  });

  it("takes a query, a per-call version and headers", async () => {
    const fake = fakeFetch({ body: [] });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    await client.request({
      path: "/apps",
      query: { status: ["running", "stopped"], listed: false },
      version: "2025-10-28",
      headers: { "X-Phala-Version": "2026-01-21", "x-extra": "1" },
    });
    const call = fake.calls[0]!;
    expect(call.url).toBe(`${TEST_BASE_URL}/apps?status=running&status=stopped&listed=false`);
    expect(call.headers["x-phala-version"]).toBe("2025-10-28");
    expect(call.headers["x-extra"]).toBe("1");
  });

  it("never sends the key to another origin, whatever the path", async () => {
    const fake = fakeFetch({ body: {} });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: "https://api.phala.test",
      fetch: fake.fetch,
    });
    for (const path of [".evil.test/steal", "@evil.test/steal", ":443@evil.test/steal"]) {
      const controller = new AbortController();
      const tracker = trackAbortListeners(controller.signal);
      const outcome = await client.request({ path, signal: controller.signal }).then(
        () => "sent",
        (error: unknown) => error,
      );
      if (outcome !== "sent") expect(outcome).toBeInstanceOf(PhalaCloudError);
      expect(tracker.live).toBe(0);
    }
    const leaked = fake.calls
      .filter((call) => new URL(call.url).origin !== "https://api.phala.test")
      .map((call) => ({ url: call.url, sentKey: call.headers["x-api-key"] === TEST_API_KEY }));
    expect(leaked).toEqual([]);
  });
});

describe("actions refuse non-clients", () => {
  it.each([
    ["a plain object with a version", { version: "2026-01-21" }],
    ["null", null],
    ["undefined", undefined],
    ["a string", "2026-01-21"],
  ])("%s rejects with PhalaCloudError", async (_label, notAClient) => {
    await expect(getCurrentUser(notAClient as any)).rejects.toBeInstanceOf(PhalaCloudError);
    await expect(getCvmInfo(notAClient as any, { id: "cvm_1" })).rejects.toThrow(
      /createClient\(\) or createBaseClient\(\)/,
    );
  });

  it("a spread copy of a client is not a client", async () => {
    const client = createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL });
    await expect(getCurrentUser({ ...client } as any)).rejects.toBeInstanceOf(PhalaCloudError);
  });
});
