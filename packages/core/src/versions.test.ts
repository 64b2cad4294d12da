import * as schemas from "@phala/cloud-schemas";
import { getCvmInfoResponseSchemas } from "@phala/cloud-schemas";
import { describe, expect, it } from "vitest";
import { defineVersionedAction } from "./action";
import { getCurrentUser, getCvmInfo } from "./actions";
import { createBaseClient } from "./client";
import { PhalaCloudError, UnsupportedApiVersionError } from "./errors";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "./test-utils";
import {
  API_VERSIONS,
  DEFAULT_API_VERSION,
  diffVersions,
  isLatestAlias,
  LATEST_API_VERSION,
  resolveApiVersion,
  VERSION_CHANGES,
} from "./versions";

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the function to throw");
}

describe("version registry", () => {
  it("lists the known versions oldest first, with 2026-01-21 as default", () => {
    expect(API_VERSIONS).toEqual(["2025-10-28", "2026-01-21", "2026-05-22", "2026-06-23"]);
    expect(DEFAULT_API_VERSION).toBe("2026-01-21");
    expect(LATEST_API_VERSION).toBe("2026-06-23");
  });

  it("is the schemas package's registry: a version added there needs no edit here", () => {
    expect(API_VERSIONS).toBe(schemas.API_VERSIONS);
    expect(DEFAULT_API_VERSION).toBe(schemas.DEFAULT_API_VERSION);
    expect(LATEST_API_VERSION).toBe(schemas.LATEST_API_VERSION);
    expect(LATEST_API_VERSION).toBe(API_VERSIONS[API_VERSIONS.length - 1]);
    expect(VERSION_CHANGES).toBe(schemas.VERSION_CHANGES);
  });

  it("diffVersions lists what changed between two versions, undone newest first going back", () => {
    const forward = diffVersions("2026-01-21", "2026-06-23");
    expect(forward.map((set) => set.version)).toEqual(["2026-05-22", "2026-06-23"]);
    const kms = forward[1]!.changes.find((change) => change.endpoint === "listKmsContracts");
    expect(kms).toMatchObject({ kind: "add-endpoint", endpoints: ["listKmsContracts"] });
    expect(
      forward[0]!.changes.some((change) => change.field === "id" && change.shape === "CvmVm"),
    ).toBe(true);
    expect(diffVersions("2026-06-23", "2026-01-21").map((set) => set.version)).toEqual([
      "2026-06-23",
      "2026-05-22",
    ]);
    expect(diffVersions("2026-01-21", "2026-01-21")).toEqual([]);
    for (const set of VERSION_CHANGES) {
      for (const change of set.changes) {
        expect(change.note.length, `${set.version} ${change.kind}`).toBeGreaterThan(0);
        expect(change.migration.length, `${set.version} ${change.kind}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("resolveApiVersion", () => {
  it.each(["2025-10-28", "2026-01-21", "2026-05-22", "2026-06-23"] as const)(
    "accepts %s as itself",
    (version) => {
      expect(resolveApiVersion(version)).toBe(version);
    },
  );

  it.each(["LATEST", "latest", "Latest", "LaTeSt", "lATESt"])(
    "accepts %s as the newest version",
    (alias) => {
      expect(isLatestAlias(alias)).toBe(true);
      expect(resolveApiVersion(alias)).toBe("2026-06-23");
    },
  );

  it.each([
    "2099-01-01",
    "2025-10-29",
    "2026-1-21",
    " 2026-01-21",
    "2026-01-21 ",
    "latest ",
    "newest",
    "",
  ])("refuses the string %j with UnsupportedApiVersionError", (version) => {
    const error = catchError(() => resolveApiVersion(version));
    expect(error).toBeInstanceOf(UnsupportedApiVersionError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    const e = error as UnsupportedApiVersionError;
    expect(e.name).toBe("UnsupportedApiVersionError");
    expect(e.version).toBe(version);
    expect(e.supportedVersions).toEqual(["2025-10-28", "2026-01-21", "2026-05-22", "2026-06-23"]);
    expect(e.message).toContain("2025-10-28");
    expect(e.message).toContain("2026-06-23");
    expect(e.message).toContain(JSON.stringify(version));
  });

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a number", 20260121],
    ["a boolean", true],
    ["an object", { version: "2026-01-21" }],
    ["an array", ["2026-01-21"]],
    ["a Date", new Date("2026-01-21")],
    ["a symbol", Symbol("2026-01-21")],
    ["a function", () => "2026-01-21"],
  ])("refuses %s with UnsupportedApiVersionError", (_label, version) => {
    const error = catchError(() => resolveApiVersion(version));
    expect(error).toBeInstanceOf(UnsupportedApiVersionError);
    const e = error as UnsupportedApiVersionError;
    expect(e.supportedVersions).toEqual(["2025-10-28", "2026-01-21", "2026-05-22", "2026-06-23"]);
    expect(e.message).toMatch(/Supported versions: 2025-10-28, 2026-01-21, 2026-05-22, 2026-06-23/);
  });

  it("refuses a bigint with UnsupportedApiVersionError (not a TypeError from JSON.stringify)", () => {
    const error = catchError(() => resolveApiVersion(BigInt(20260121)));
    expect(error).toBeInstanceOf(UnsupportedApiVersionError);
    expect((error as Error).message).toContain("20260121");
  });
});

describe("unknown versions fail before any request", () => {
  it("createBaseClient throws for an unknown version and never calls fetch", () => {
    const fake = fakeFetch();
    const error = catchError(() =>
      createBaseClient({ apiKey: TEST_API_KEY, version: "2099-01-01" as any, fetch: fake.fetch }),
    );
    expect(error).toBeInstanceOf(UnsupportedApiVersionError);
    expect((error as Error).message).toContain("2099-01-01");
    expect(fake.calls).toHaveLength(0);
  });

  it("createBaseClient accepts LATEST in any case as the newest version's date", () => {
    const client = createBaseClient({ version: "LaTeSt", fetch: fakeFetch().fetch });
    expect(client.version).toBe("2026-06-23");
    expect(JSON.parse(JSON.stringify(client)).version).toBe("2026-06-23");
  });

  it("a raw request and a per-call LATEST send the newest date too", async () => {
    const fake = fakeFetch({ body: {} });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    await client.request({ path: "/auth/me", version: "LATEST" });
    await client.withVersion("latest").request({ path: "/auth/me" });
    await getCvmInfo(client, { id: "cvm_1" }, { version: "Latest", schema: false });
    expect(fake.calls.map((call) => call.headers["x-phala-version"])).toEqual([
      "2026-06-23",
      "2026-06-23",
      "2026-06-23",
    ]);
  });

  it("withVersion throws for an unknown version", () => {
    const fake = fakeFetch();
    const client = createBaseClient({ apiKey: TEST_API_KEY, fetch: fake.fetch });
    expect(() => client.withVersion("nope" as any)).toThrow(UnsupportedApiVersionError);
    expect(() => client.withVersion("" as any)).toThrow(UnsupportedApiVersionError);
    expect(client.version).toBe("2026-01-21");
    expect(fake.calls).toHaveLength(0);
  });

  it("a per-call unknown version rejects and fetch is never called", async () => {
    const fake = fakeFetch({ body: {} });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    await expect(getCvmInfo(client, { id: "cvm_1" }, { version: "bad" as any })).rejects.toThrow(
      UnsupportedApiVersionError,
    );
    await expect(getCurrentUser(client, {}, { version: 20260121 as any })).rejects.toBeInstanceOf(
      UnsupportedApiVersionError,
    );
    await expect(
      client.request({ path: "/auth/me", version: "bad" as any }),
    ).rejects.toBeInstanceOf(UnsupportedApiVersionError);
    expect(fake.calls).toHaveLength(0);
  });
});

describe("a bundle built for one API version (__PHALA_CLOUD_API_VERSION__)", () => {
  // What the schemas' endpoint tables hold when a bundler defines the constant:
  // the other versions' entries are undefined (and their schemas left out).
  const pinnedGetCvmInfo = defineVersionedAction({
    name: "getCvmInfo",
    plan: () => ({ method: "GET", path: "/cvms/x" }),
    responses: { ...getCvmInfoResponseSchemas, "2025-10-28": undefined } as never,
  });

  it("refuses a call in a version it left out, before anything is sent, and says why", async () => {
    const fake = fakeFetch({ body: {} });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      version: "2025-10-28",
    });
    const error = await pinnedGetCvmInfo(client, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedApiVersionError);
    expect(error).toMatchObject({
      endpoint: "getCvmInfo",
      apiVersion: "2025-10-28",
      supportedVersions: ["2026-01-21", "2026-05-22", "2026-06-23"],
    });
    expect((error as Error).message).toContain("__PHALA_CLOUD_API_VERSION__");
    expect(fake.calls).toHaveLength(0);
    // The caller may still take the body unvalidated or with a schema of their own.
    await expect(pinnedGetCvmInfo(client, undefined, { schema: false })).resolves.toEqual({});
    expect(fake.calls).toHaveLength(1);
  });
});
