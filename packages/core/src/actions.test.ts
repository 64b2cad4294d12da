import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  getAppCvms,
  getAppInfo,
  getAppList,
  getCurrentUser,
  getCvmInfo,
  getCvmList,
  safeGetAppCvms,
  safeGetAppInfo,
  safeGetAppList,
  safeGetCurrentUser,
  safeGetCvmInfo,
  safeGetCvmList,
} from "./actions";
import { createBaseClient } from "./client";
import {
  APIConnectionError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  PhalaCloudError,
  RequestValidationError,
  ResponseValidationError,
  UnsupportedApiVersionError,
} from "./errors";
import {
  APP_HEX,
  actionCases,
  appListV20251028,
  appListV20260121,
  appV20260121,
  currentUserV20260121,
  cvmDetailV20251028,
  cvmDetailV20260121,
  cvmListV20251028,
  cvmListV20260121,
  cvmV20260121,
  fakeFetch,
  TEST_API_KEY,
  TEST_BASE_URL,
  VM_UUID,
  validBodies,
} from "./test-utils";
import type { ApiVersion } from "./versions";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function setup<const V extends ApiVersion = "2026-01-21">(
  body: unknown = {},
  version?: V,
  baseURL = TEST_BASE_URL,
) {
  const fake = fakeFetch({ body });
  const client = createBaseClient<V>({ apiKey: TEST_API_KEY, baseURL, version, fetch: fake.fetch });
  return { fake, client };
}

function sentURL(fake: ReturnType<typeof fakeFetch>, index = 0): URL {
  const call = fake.calls[index];
  if (!call) throw new Error(`fetch call ${index} was not made`);
  return new URL(call.url);
}

describe("request URLs", () => {
  it.each(actionCases)("$name: $method $path", async ({ method, path, call }) => {
    const { fake, client } = setup();
    await call(client, { schema: false });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.method).toBe(method);
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}${path}`);
  });

  it("getCvmList sends page, page_size and node_id", async () => {
    const { fake, client } = setup(cvmListV20260121());
    await getCvmList(client, { page: 2, page_size: 50, node_id: 7 });
    const url = sentURL(fake);
    expect(url.pathname).toBe("/api/v1/cvms/paginated");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: "2",
      page_size: "50",
      node_id: "7",
    });
  });

  it("getCvmList sends the reference's and the official SDKs' filters", async () => {
    const { fake, client } = setup(cvmListV20260121());
    await getCvmList(client, {
      page: 1,
      page_size: 100,
      teepod_id: 3,
      node_id: 7,
      user_id: "usr_8xK2mQ",
      family: "gpu",
      instance_types: ["h200.small", "h200.medium"],
    });
    const url = sentURL(fake);
    // node_id and teepod_id are different ids: both are sent as given.
    expect(url.searchParams.get("teepod_id")).toBe("3");
    expect(url.searchParams.get("node_id")).toBe("7");
    expect(url.searchParams.get("user_id")).toBe("usr_8xK2mQ");
    expect(url.searchParams.get("family")).toBe("gpu");
    expect(url.searchParams.getAll("instance_types")).toEqual(["h200.small", "h200.medium"]);
    expect(url.search).toContain("instance_types=h200.small&instance_types=h200.medium");
    await getCvmList(client, { user_id: "0" });
    expect(sentURL(fake, 1).searchParams.get("user_id")).toBe("0");
  });

  it.each([
    ["page_size above 100", { page_size: 101 }, "page_size"],
    ["page_size 0", { page_size: 0 }, "page_size"],
    ["a user_id that is not a usr_ id or 0", { user_id: "42" }, "user_id"],
    ["a numeric user_id", { user_id: 42 }, "user_id"],
    ["an unknown family", { family: "tpu" }, "family"],
    ["instance_types as a string", { instance_types: "tdx.small" }, "instance_types"],
    ["a negative teepod_id", { teepod_id: -1 }, "teepod_id"],
  ])("getCvmList refuses %s before sending", async (_label, args, field) => {
    const { fake, client } = setup(cvmListV20260121());
    const error = await getCvmList(client, args as any).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).endpoint).toBe("getCvmList");
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toEqual([field]);
    expect(fake.calls).toHaveLength(0);
  });

  it("getCvmList without arguments sends no query", async () => {
    const { fake, client } = setup(cvmListV20260121());
    await getCvmList(client);
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/paginated`);
  });

  it("getAppList sends status as repeated params and listed: false as 'false'", async () => {
    const { fake, client } = setup(appListV20260121());
    await getAppList(client, {
      page: 1,
      page_size: 100,
      search: "oracle",
      status: ["running", "stopped"],
      listed: false,
      base_image: "dstack-0.5.3",
      instance_type: "tdx.medium",
      kms_slug: "phala-prod",
      kms_type: "phala",
      node: "prod7",
      region: "us-west",
    });
    const url = sentURL(fake);
    expect(url.pathname).toBe("/api/v1/apps");
    expect(url.searchParams.getAll("status")).toEqual(["running", "stopped"]);
    expect(url.search).toContain("status=running&status=stopped");
    expect(url.searchParams.get("listed")).toBe("false");
    expect(url.searchParams.get("page")).toBe("1");
    expect(url.searchParams.get("page_size")).toBe("100");
    expect(url.searchParams.get("search")).toBe("oracle");
    expect(url.searchParams.get("base_image")).toBe("dstack-0.5.3");
    expect(url.searchParams.get("instance_type")).toBe("tdx.medium");
    expect(url.searchParams.get("kms_slug")).toBe("phala-prod");
    expect(url.searchParams.get("kms_type")).toBe("phala");
    expect(url.searchParams.get("node")).toBe("prod7");
    expect(url.searchParams.get("region")).toBe("us-west");
  });

  it("getAppList skips undefined arguments", async () => {
    const { fake, client } = setup(appListV20260121());
    await getAppList(client, { page: undefined, listed: true });
    expect(sentURL(fake).search).toBe("?listed=true");
  });

  it.each(["https://api.phala.test/api/v1/", "https://api.phala.test/api/v1//"])(
    "a base URL with trailing slashes (%s) gives one slash",
    async (baseURL) => {
      const { fake, client } = setup(cvmDetailV20260121(), "2026-01-21", baseURL);
      await getCvmInfo(client, { id: "cvm_1" });
      expect(fake.calls[0]!.url).toBe("https://api.phala.test/api/v1/cvms/cvm_1");
    },
  );

  it.each([
    [{ id: VM_UUID }, "bf1b6f57147045319ad922013366635b"],
    [{ id: VM_UUID.toUpperCase() }, "bf1b6f57147045319ad922013366635b"],
    [{ uuid: VM_UUID }, "bf1b6f57147045319ad922013366635b"],
    [{ id: APP_HEX }, `app_${APP_HEX}`],
    [{ app_id: `0x${APP_HEX.toUpperCase()}` }, `app_${APP_HEX}`],
    [{ app_id: `app_${APP_HEX}` }, `app_${APP_HEX}`],
    [{ id: "cvm_9xK2mQ7tLp" }, "cvm_9xK2mQ7tLp"],
    [{ instance_id: "4f2a" }, "instance_4f2a"],
    [{ name: "price-oracle" }, "price-oracle"],
    [{ name: "my oracle/v2" }, "my%20oracle%2Fv2"],
  ])("getCvmInfo(%j) requests /cvms/%s", async (args, segment) => {
    const { fake, client } = setup(cvmDetailV20260121());
    await getCvmInfo(client, args as any);
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/${segment}`);
  });

  it.each([
    [APP_HEX, APP_HEX],
    [`0x${APP_HEX}`, APP_HEX],
    [`0X${APP_HEX}`, APP_HEX],
    [`app_${APP_HEX}`, APP_HEX],
    [`  app_${APP_HEX} `, APP_HEX],
  ])("getAppInfo and getAppCvms strip the prefix of %j", async (appId, segment) => {
    const { fake, client } = setup();
    await getAppInfo(client, { appId }, { schema: false });
    await getAppCvms(client, { appId }, { schema: false });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/apps/${segment}`);
    expect(fake.calls[1]!.url).toBe(`${TEST_BASE_URL}/apps/${segment}/cvms`);
  });
});

describe("request validation (nothing is sent)", () => {
  async function expectInvalid(promise: Promise<unknown>, endpoint: string, field: string) {
    const error = await promise.then(
      () => {
        throw new Error("expected a RequestValidationError");
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    const e = error as RequestValidationError;
    expect(e.name).toBe("RequestValidationError");
    expect(e.endpoint).toBe(endpoint);
    expect(e.issues.map((i) => i.path)).toContain(field);
    expect(e.message).toContain(endpoint);
    if (field) expect(e.message).toContain(field);
    return e;
  }

  it.each([
    ["page 0", { page: 0 }, "page"],
    ["page 1.5", { page: 1.5 }, "page"],
    ["page as a string", { page: "2" }, "page"],
    ["page_size 101", { page_size: 101 }, "page_size"],
    ["page_size 0", { page_size: 0 }, "page_size"],
    ["node_id -1", { node_id: -1 }, "node_id"],
    ["an unknown key", { pageSize: 10 }, "pageSize"],
  ])("getCvmList refuses %s", async (_label, args, field) => {
    const { fake, client } = setup(cvmListV20260121());
    const error = await getCvmList(client, args as any).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).endpoint).toBe("getCvmList");
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toEqual([field]);
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    ["status not an array", { status: "running" }, "status"],
    ["status with a non-string", { status: ["running", 1] }, "status"],
    ["listed as a string", { listed: "false" }, "listed"],
    ["page_size 101", { page_size: 101 }, "page_size"],
    ["an unknown key", { statuses: ["running"] }, "statuses"],
  ])("getAppList refuses %s", async (_label, args, field) => {
    const { fake, client } = setup(appListV20260121());
    await expectInvalid(getAppList(client, args as any), "getAppList", field);
    expect(fake.calls).toHaveLength(0);
  });

  it("getCvmList refuses non-object arguments", async () => {
    const { fake, client } = setup(cvmListV20260121());
    await expect(getCvmList(client, 5 as any)).rejects.toBeInstanceOf(RequestValidationError);
    await expect(getCvmList(client, [] as any)).rejects.toBeInstanceOf(RequestValidationError);
    expect(fake.calls).toHaveLength(0);
  });

  it("reports every bad field at once", async () => {
    const { client } = setup();
    const error = await getCvmList(client, { page: 0, page_size: 101 }).catch((e) => e);
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(["page", "page_size"]);
  });

  it.each([
    ["no id", {}, "id"],
    ["undefined args", undefined, "id"],
    ["two ids", { id: "cvm_1", name: "oracle" }, "id|name"],
    ["an empty id", { id: "  " }, "id"],
    ["a non-string uuid", { uuid: 42 }, "uuid"],
    ["a malformed uuid", { uuid: "invalid-uuid" }, "uuid"],
    ["a malformed app_id", { app_id: "oracle" }, "app_id"],
  ])("getCvmInfo refuses %s", async (_label, args, field) => {
    const { fake, client } = setup(cvmDetailV20260121());
    await expectInvalid(getCvmInfo(client, args as any), "getCvmInfo", field);
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    ["getAppInfo", (c: any, a: any) => getAppInfo(c, a)],
    ["getAppCvms", (c: any, a: any) => getAppCvms(c, a)],
  ])("%s refuses a missing or empty appId", async (endpoint, call) => {
    const { fake, client } = setup();
    await expectInvalid(call(client, {}), endpoint, "appId");
    await expectInvalid(call(client, { appId: "" }), endpoint, "appId");
    await expectInvalid(call(client, { appId: 123 }), endpoint, "appId");
    expect(fake.calls).toHaveLength(0);
  });
});

describe("response validation", () => {
  const versions = ["2026-01-21", "2025-10-28"] as const;

  describe.each(versions)("version %s", (version) => {
    // The result holds every field sent, plus the contract's defaults (and
    // nulls) for the fields the body left out.
    it.each(actionCases)("$name: a valid body parses to itself", async ({ name, call }) => {
      const body = validBodies[version][name]();
      const { client } = setup(body, version);
      await expect(call(client)).resolves.toMatchObject(body as object);
    });

    it.each(actionCases)(
      "$name: unknown extra keys are accepted and stripped",
      async ({ name, call }) => {
        const body = validBodies[version][name]() as any;
        const withExtra = Array.isArray(body)
          ? body.map((item: object) => ({ ...item, added_in_future: { x: 1 } }))
          : { ...body, added_in_future: { x: 1 } };
        const plain = await call(setup(body, version).client);
        const { client } = setup(withExtra, version);
        const data = await call(client);
        expect(data).toStrictEqual(plain);
        expect(JSON.stringify(data)).not.toContain("added_in_future");
      },
    );
  });

  it("nested unknown keys are stripped too", async () => {
    const body = cvmDetailV20260121() as any;
    body.resource.tdx_generation = 2;
    const { client } = setup(body);
    const cvm = await getCvmInfo(client, { id: "cvm_1" });
    expect(cvm.resource).not.toHaveProperty("tdx_generation");
    expect(cvm.resource.vcpu).toBe(2);
  });

  it("defaults are filled in when the API omits a defaulted field", async () => {
    const body = cvmDetailV20260121() as any;
    delete body.in_progress;
    delete body.services;
    delete body.listed;
    const { client } = setup(body);
    const cvm = await getCvmInfo(client, { id: "cvm_1" });
    expect(cvm.in_progress).toBe(false);
    expect(cvm.services).toEqual([]);
    expect(cvm.listed).toBe(false);
  });

  it("an unknown billing_period is accepted and returned", async () => {
    const body = cvmDetailV20260121();
    body.resource.billing_period = "weekly";
    const { client } = setup(body);
    const cvm = await getCvmInfo(client, { id: "cvm_1" });
    expect(cvm.resource.billing_period).toBe("weekly");
  });

  it("an unknown user role is accepted and returned", async () => {
    const body = currentUserV20260121();
    body.user.role = "owner";
    const { client } = setup(body);
    const me = await getCurrentUser(client);
    expect(me.user.role).toBe("owner");
  });

  it("an unknown kms_type is accepted and returned (CVM and app)", async () => {
    const cvm = cvmV20260121();
    cvm.kms_type = "solana";
    const app = { ...appV20260121(), kms_type: "solana", current_cvm: cvm, cvms: [cvm] };
    const { client } = setup({
      dstack_apps: [app],
      page: 1,
      page_size: 20,
      total: 1,
      total_pages: 1,
    });
    const list = await getAppList(client);
    const first = list.dstack_apps[0]!;
    expect(first.kms_type).toBe("solana");
    expect(first.current_cvm?.kms_type).toBe("solana");
  });

  it("the minimal app of another workspace parses in a 2026 list", async () => {
    const { client } = setup(appListV20260121());
    const list = await getAppList(client);
    expect(list.dstack_apps[1]).toMatchObject({ app_id: expect.any(String), id: null, name: null });
  });

  async function validationError(promise: Promise<unknown>): Promise<ResponseValidationError> {
    const error = await promise.then(
      () => {
        throw new Error("expected a ResponseValidationError");
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    return error as ResponseValidationError;
  }

  it("a 2025-10-28 CVM body sent to a 2026-01-21 client is rejected with the missing paths", async () => {
    const { client } = setup(cvmDetailV20251028());
    const error = await validationError(getCvmInfo(client, { id: "cvm_1" }));
    expect(error.name).toBe("ResponseValidationError");
    expect(error.endpoint).toBe("getCvmInfo");
    expect(error.apiVersion).toBe("2026-01-21");
    expect(error.method).toBe("GET");
    expect(error.path).toBe("/cvms/cvm_1");
    expect(error.status).toBe(200);
    const paths = error.issues.map((i) => i.path);
    expect(paths).toContain("resource");
    expect(paths).toContain("gateway");
    expect(error.message).toContain("getCvmInfo");
    expect(error.message).toContain("2026-01-21");
    expect(error.message).toContain("resource");
    expect(error.body).toEqual(cvmDetailV20251028());
  });

  it("a 2025-10-28 list body sent to a 2026-01-21 client names items.0.resource", async () => {
    const { client } = setup(cvmListV20251028());
    const error = await validationError(getCvmList(client));
    expect(error.endpoint).toBe("getCvmList");
    expect(error.apiVersion).toBe("2026-01-21");
    expect(error.issues.map((i) => i.path)).toContain("items.0.resource");
    expect(error.message).toContain("items.0.resource");
  });

  it("resource.vcpu: 'two' is rejected with the issue path resource.vcpu", async () => {
    const body = cvmDetailV20260121() as any;
    body.resource.vcpu = "two";
    const { client } = setup(body);
    const error = await validationError(getCvmInfo(client, { id: "cvm_1" }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe("resource.vcpu");
    expect(error.issues[0]!.message).toBeTruthy();
    expect(error.message).toContain("resource.vcpu");
    expect(error.message).toContain("getCvmInfo");
  });

  it("a 2026 user body sent to a 2025-10-28 client is rejected, naming that version", async () => {
    const { client } = setup(currentUserV20260121(), "2025-10-28");
    const error = await validationError(getCurrentUser(client));
    expect(error.apiVersion).toBe("2025-10-28");
    expect(error.endpoint).toBe("getCurrentUser");
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["username", "team_name"]),
    );
  });

  it("a 2025 app list with a wrong nested type names the full path", async () => {
    const body = appListV20251028() as any;
    body.dstack_apps[0].cvms[0].vcpu = "2";
    const { client } = setup(body, "2025-10-28");
    const error = await validationError(getAppList(client));
    expect(error.issues.map((i) => i.path)).toContain("dstack_apps.0.cvms.0.vcpu");
  });

  it("a body that is not an object is rejected at the root", async () => {
    const { client } = setup("<html>maintenance</html>");
    const error = await validationError(getCurrentUser(client));
    expect(error.issues[0]!.path).toBe("");
    expect(error.message).toContain("(root)");
  });

  it("more than five issues are summarised in the message", async () => {
    const { client } = setup({ items: [{}, {}], total: 2, page: 1, page_size: 20, pages: 1 });
    const error = await validationError(getCvmList(client));
    expect(error.issues.length).toBe(10);
    expect(error.message).toContain("and 5 more");
    expect(error.message).toMatch(/and \d+ more/);
  });

  it("schema: false returns the raw body untouched", async () => {
    const raw = { ...cvmDetailV20251028(), extra: [1, 2, 3], resource: { vcpu: "two" } };
    const { client } = setup(raw);
    const data = await getCvmInfo(client, { id: "cvm_1" }, { schema: false });
    expect(data).toStrictEqual(raw);
  });

  it("a custom zod schema is used instead of the version's", async () => {
    const body = { custom: "yes", count: "3" };
    const { client } = setup(body);
    const schema = z.object({ custom: z.string(), count: z.coerce.number() });
    const data = await getCvmInfo(client, { id: "cvm_1" }, { schema });
    expect(data).toEqual({ custom: "yes", count: 3 });
  });

  it("a custom schema that fails gives ResponseValidationError with its issues", async () => {
    const { client } = setup(cvmDetailV20260121());
    const schema = z.object({ custom: z.string() });
    const error = await validationError(getCvmInfo(client, { id: "cvm_1" }, { schema }));
    expect(error.issues.map((i) => i.path)).toEqual(["custom"]);
  });

  it("an async Standard Schema is awaited", async () => {
    const { client } = setup({ a: 1 });
    const schema = {
      "~standard": {
        version: 1 as const,
        vendor: "test",
        validate: async (value: unknown) => ({ value: { wrapped: value } }),
      },
    };
    await expect(getCurrentUser(client, {}, { schema })).resolves.toEqual({ wrapped: { a: 1 } });
  });

  it("validateResponses: false on the client returns the raw body", async () => {
    const raw = { ...cvmDetailV20251028(), unknown: true };
    const fake = fakeFetch({ body: raw });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      validateResponses: false,
    });
    await expect(getCvmInfo(client, { id: "cvm_1" })).resolves.toStrictEqual(raw);
    // withVersion keeps the setting: same transport.
    await expect(
      getCvmInfo(client.withVersion("2025-10-28"), { id: "cvm_1" }),
    ).resolves.toStrictEqual(raw);
  });

  it("validateResponses: false still uses a schema the call passes", async () => {
    const fake = fakeFetch({ body: { n: "1" } });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      validateResponses: false,
    });
    const schema = z.object({ n: z.coerce.number() });
    await expect(getCurrentUser(client, {}, { schema })).resolves.toEqual({ n: 1 });
  });
});

describe("safe twins", () => {
  const safeCases = [
    ["safeGetCurrentUser", safeGetCurrentUser],
    ["safeGetCvmList", safeGetCvmList],
    ["safeGetCvmInfo", safeGetCvmInfo],
    ["safeGetAppList", safeGetAppList],
    ["safeGetAppInfo", safeGetAppInfo],
    ["safeGetAppCvms", safeGetAppCvms],
  ] as const;

  it.each(safeCases)("%s has its name as actionName", (name, action) => {
    expect(action.actionName).toBe(name);
  });

  it.each(actionCases)(
    "$name: resolves { success: true, data } on success",
    async ({ name, safeCall }) => {
      const body = validBodies["2026-01-21"][name]();
      const { client } = setup(body);
      const result = await safeCall(client);
      expect(result).toMatchObject({ success: true, data: body });
    },
  );

  function expectFailure(result: unknown, errorClass: new (...args: any[]) => PhalaCloudError) {
    const r = result as { success: boolean; data?: unknown; error?: unknown };
    expect(r.success).toBe(false);
    expect(r.data).toBeUndefined();
    expect(r.error).toBeInstanceOf(PhalaCloudError);
    expect(r.error).toBeInstanceOf(errorClass);
    return r.error as PhalaCloudError;
  }

  it.each(actionCases)(
    "$name: an API error resolves { success: false, error }",
    async ({ safeCall }) => {
      const fake = fakeFetch({ status: 404, body: { detail: "CVM not found" } });
      const client = createBaseClient({
        apiKey: TEST_API_KEY,
        baseURL: TEST_BASE_URL,
        fetch: fake.fetch,
      });
      const error = expectFailure(await safeCall(client), NotFoundError);
      expect(error.status).toBe(404);
    },
  );

  it.each(actionCases)(
    "$name: a connection error resolves { success: false }",
    async ({ safeCall }) => {
      const client = createBaseClient({
        apiKey: TEST_API_KEY,
        baseURL: TEST_BASE_URL,
        fetch: () => Promise.reject(new TypeError("fetch failed")),
      });
      expectFailure(await safeCall(client), APIConnectionError);
    },
  );

  it.each(actionCases)(
    "$name: a response validation error resolves { success: false }",
    async ({ safeCall }) => {
      const { client } = setup({ unexpected: true });
      expectFailure(await safeCall(client), ResponseValidationError);
    },
  );

  it("request validation errors resolve { success: false } and send nothing", async () => {
    const { fake, client } = setup();
    expectFailure(await safeGetCvmInfo(client, {} as any), RequestValidationError);
    expectFailure(await safeGetCvmList(client, { page: 0 }), RequestValidationError);
    expectFailure(
      await safeGetAppList(client, { status: "running" } as any),
      RequestValidationError,
    );
    expectFailure(await safeGetAppInfo(client, { appId: "" }), RequestValidationError);
    expectFailure(await safeGetAppCvms(client, {} as any), RequestValidationError);
    expect(fake.calls).toHaveLength(0);
  });

  it("an unsupported per-call version resolves { success: false }", async () => {
    const { fake, client } = setup();
    const result = await safeGetCurrentUser(client, {}, { version: "bad" as any });
    expectFailure(result, UnsupportedApiVersionError);
    expect(fake.calls).toHaveLength(0);
  });

  it("a non-client resolves { success: false } with a PhalaCloudError", async () => {
    for (const notAClient of [{ version: "2026-01-21" }, null, undefined, 42]) {
      const result = await safeGetCurrentUser(notAClient as any);
      expectFailure(result, PhalaCloudError);
    }
  });

  it("a non-PhalaCloudError thrown by fetch's Response is wrapped", async () => {
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: async () =>
        ({
          status: 200,
          ok: true,
          type: "basic",
          headers: new Headers(),
          text: () => Promise.reject(new Error("stream broke")),
        }) as unknown as Response,
    });
    const result = await safeGetCurrentUser(client);
    expectFailure(result, PhalaCloudError);
  });

  it("a 401 and a 500 resolve the matching classes", async () => {
    const c401 = setupStatus(401);
    const c500 = setupStatus(500);
    expectFailure(await safeGetCvmList(c401), AuthenticationError);
    expectFailure(await safeGetCvmList(c500), InternalServerError);
  });

  function setupStatus(status: number) {
    return createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fakeFetch({ status, body: { detail: "nope" } }).fetch,
    });
  }
});
