import {
  AuthenticationError,
  createBaseClient,
  createClient,
  getAppCvms,
  getAppInfo,
  getAppList,
  getCvmInfo,
  NotFoundError,
  ResponseValidationError,
  safeGetCvmInfo,
  UnsupportedApiVersionError,
} from "@phala/cloud";
import { describe, expect, it } from "vitest";
import { useMockApi } from "./harness";

const mock = useMockApi();
const VERSIONS = ["2025-10-28", "2026-01-21"] as const;

describe("every version-aware endpoint, in both versions, validated", () => {
  for (const version of VERSIONS) {
    it(`${version}: list, info and app endpoints parse`, async () => {
      const client = createClient({ apiKey: "k", version });
      const cvms = await client.getCvmList({ page: 1, page_size: 5 });
      expect(cvms.items.length).toBeGreaterThan(0);
      expect(cvms.page_size).toBe(5);
      const apps = await client.getAppList({ page_size: 50 });
      expect(apps.dstack_apps.length).toBeGreaterThan(0);
      const appId = apps.dstack_apps[0]!.app_id;
      const app = await client.getAppInfo({ appId });
      expect(app.app_id).toBe(appId);
      const appCvms = await client.getAppCvms({ appId });
      expect(Array.isArray(appCvms)).toBe(true);
      expect(new Set(mock.sent.map((r) => r.headers.get("x-phala-version")))).toEqual(
        new Set([version]),
      );
    });
  }

  it("app filters reach the API (status repeated, search)", async () => {
    const client = createBaseClient({ apiKey: "k" });
    await getAppList(client, { status: ["running", "stopped"], search: "a", listed: false });
    const url = new URL(mock.sent[0]!.url);
    expect(url.searchParams.getAll("status")).toEqual(["running", "stopped"]);
    expect(url.searchParams.get("search")).toBe("a");
    expect(url.searchParams.get("listed")).toBe("false");
  });

  it("standalone app actions follow a per-call version", async () => {
    const client = createBaseClient({ apiKey: "k" });
    const { dstack_apps } = await getAppList(client);
    const appId = dstack_apps[0]!.app_id;
    const legacyApp = await getAppInfo(client, { appId }, { version: "2025-10-28" });
    const legacyCvms = await getAppCvms(client, { appId: `0x${appId}` }, { version: "2025-10-28" });
    expect(legacyApp.app_id).toBe(appId);
    for (const cvm of legacyCvms) expect(cvm).toHaveProperty("hosted");
    expect(versionsOf(mock.sent)).toEqual(["2026-01-21", "2025-10-28", "2025-10-28"]);
  });
});

function versionsOf(sent: { headers: Headers }[]) {
  return sent.map((r) => r.headers.get("x-phala-version"));
}

describe("the version sent is the version read", () => {
  it("a header in config cannot make header and schema disagree", async () => {
    const client = createClient({ apiKey: "k", headers: { "X-Phala-Version": "2025-10-28" } });
    const user = await client.getCurrentUser();
    expect(versionsOf(mock.sent)).toEqual(["2026-01-21"]);
    expect(user).toHaveProperty("workspace");
  });

  it("LATEST sends the newest version's date and reads it", async () => {
    const client = createClient({ apiKey: "k", version: "Latest" });
    const user = await client.getCurrentUser();
    expect(versionsOf(mock.sent)).toEqual(["2026-06-23"]);
    expect(user).toHaveProperty("credits.is_post_paid");
  });

  it("a per-call version is sent and read", async () => {
    const client = createBaseClient({ apiKey: "k" });
    const cvm = await getCvmInfo(client, { id: "cvm-abc123" }, { version: "2025-10-28" });
    expect(versionsOf(mock.sent)).toEqual(["2025-10-28"]);
    expect(typeof cvm.vcpu).toBe("number");
  });

  it("an unknown version fails before any request", async () => {
    expect(() => createClient({ apiKey: "k", version: "2099-01-01" as never })).toThrow(
      UnsupportedApiVersionError,
    );
    const client = createBaseClient({ apiKey: "k" });
    await expect(getCvmInfo(client, { id: "x" }, { version: "v1" as never })).rejects.toThrow(
      /Supported versions: 2025-10-28, 2026-01-21/,
    );
    expect(mock.sent).toHaveLength(0);
  });

  it("a body of the wrong shape is a typed error, never data", async () => {
    // A server that ignores X-Phala-Version and answers in 2025-10-28.
    const stale: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("x-phala-version", "2025-10-28");
      return fetch(input, { ...init, headers });
    };
    const client = createClient({ apiKey: "k", fetch: stale });
    const error = await client.getCvmInfo({ id: "cvm-abc123" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const validation = error as ResponseValidationError;
    expect(validation.endpoint).toBe("getCvmInfo");
    expect(validation.apiVersion).toBe("2026-01-21");
    expect(validation.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["resource", "gateway"]),
    );
    expect(validation.message).toMatch(/getCvmInfo/);
    expect(validation.message).toMatch(/2026-01-21/);
    const safe = await client.safeGetCurrentUser();
    expect(safe.success).toBe(false);
    expect(safe.error).toBeInstanceOf(ResponseValidationError);
  });
});

describe("errors from the API", () => {
  it("no API key: AuthenticationError with the API's structured detail", async () => {
    const client = createClient();
    const error = await client.getCurrentUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    const auth = error as AuthenticationError;
    expect(auth.status).toBe(401);
    expect(auth.message).toMatch(/Invalid or missing API key/);
    expect(auth.requestId).toBeTruthy();
    expect(auth.method).toBe("GET");
    expect(auth.path).toBe("/auth/me");
  });

  it("an unknown CVM: NotFoundError with code, suggestions and request id; safe twin returns it", async () => {
    const client = createBaseClient({ apiKey: "k" });
    const result = await safeGetCvmInfo(client, { id: "no-such-cvm" });
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(result.error).toMatchObject({
      status: 404,
      apiVersion: "2026-01-21",
      path: "/cvms/no-such-cvm",
    });
    expect((result.error as NotFoundError).errorCode).toMatch(/^ERR-03-/);
  });

  it("bad paging from a JavaScript caller is refused locally, naming the field", async () => {
    const client = createClient({ apiKey: "k" });
    await expect(client.getCvmList({ page: 0 })).rejects.toThrow(/page: expected an integer >= 1/);
    expect(mock.sent).toHaveLength(0);
  });

  it("the API's 422 is parsed into fields when it happens", async () => {
    const client = createClient({ apiKey: "k" });
    const error = await client
      .request({ path: "/cvms/paginated", query: { page: 0 } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UnprocessableEntityError", status: 422 });
    expect((error as { validationErrors: unknown[] }).validationErrors).toEqual([
      expect.objectContaining({ field: "page", location: "query" }),
    ]);
  });
});
