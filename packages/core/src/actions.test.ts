import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
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
  actionCases,
  cvmDetailV20251028,
  cvmDetailV20260121,
  cvmListV20251028,
  fakeFetch,
  TEST_API_KEY,
  TEST_BASE_URL,
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

describe("request URLs", () => {
  it.each(actionCases)("$name: $method $path", async ({ method, path, call }) => {
    const { fake, client } = setup();
    await call(client, { schema: false });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.method).toBe(method);
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}${path}`);
  });

  it.each(["https://api.phala.test/api/v1/", "https://api.phala.test/api/v1//"])(
    "a base URL with trailing slashes (%s) gives one slash",
    async (baseURL) => {
      const { fake, client } = setup(cvmDetailV20260121(), "2026-01-21", baseURL);
      await getCvmInfo(client, { id: "cvm_1" });
      expect(fake.calls[0]!.url).toBe("https://api.phala.test/api/v1/cvms/cvm_1");
    },
  );
});

describe("request validation (nothing is sent)", () => {
  it("reports every bad field at once", async () => {
    const { client } = setup();
    const error = await getCvmList(client, { page: 0, page_size: 101 }).catch((e) => e);
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(["page", "page_size"]);
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
