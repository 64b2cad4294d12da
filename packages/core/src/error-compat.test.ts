import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser, getCvmInfo, safeGetCvmInfo } from "./actions";
import { CvmStateWatchError } from "./actions/internal/watch-errors";
import { createBaseClient } from "./client";
import {
  AuthError,
  BusinessError,
  formatErrorMessage,
  formatStructuredError,
  formatValidationErrors,
  isAuthError,
  isBusinessError,
  isRequestError,
  isResourceError,
  isServerError,
  isUnknownError,
  isValidationError,
  RequestError,
  ResourceError,
  ServerError,
  UnknownError,
  ValidationError,
} from "./error-compat";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ComposeHashInvalidError,
  ConflictError,
  createAPIError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PhalaCloudError,
  RateLimitError,
  RequestValidationError,
  ResponseTooLargeError,
  ResponseValidationError,
  ServiceUnavailableError,
  StepUpRequiredError,
  UnprocessableEntityError,
  UnsupportedApiVersionError,
} from "./errors";
import * as core from "./index";
import { type FakeReply, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "./test-utils";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function clientAnswering(reply: FakeReply) {
  return createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fakeFetch(reply).fetch,
    maxRetries: 0,
  });
}

/** What getCvmInfo rejects with when the server answers `reply`. */
function errorFor(reply: FakeReply): Promise<unknown> {
  return getCvmInfo(clientAnswering(reply), { id: "cvm_42" }).then(
    () => {
      throw new Error("expected getCvmInfo to reject");
    },
    (error: unknown) => error,
  );
}

const fastApi422 = {
  detail: [
    {
      loc: ["body", "name"],
      msg: "String should have at least 4 characters",
      type: "string_too_short",
      input: "ab",
      ctx: { min_length: 4 },
    },
    {
      loc: ["body", "resources", "memory"],
      msg: "Input should be greater than or equal to 1024",
      type: "greater_than_equal",
    },
  ],
};

const coded = (code: string, extra: Record<string, unknown> = {}) => ({
  detail: { error_code: code, message: "The requested CVM was not found", ...extra },
});

const http = (status: number, body: unknown = { detail: "nope" }) =>
  createAPIError({ status, body, headers: new Headers() });

const documented = {
  ValidationError,
  AuthError,
  BusinessError,
  ResourceError,
  ServerError,
  UnknownError,
  RequestError,
} as const;
type Documented = keyof typeof documented;

/** The documented classes an error is an instance of. */
function matches(error: unknown): Documented[] {
  return (Object.keys(documented) as Documented[]).filter(
    (name) => error instanceof documented[name],
  );
}

describe("documented classes over this SDK's errors", () => {
  it.each<[string, () => unknown, Documented[]]>([
    ["400 BadRequestError", () => http(400), ["BusinessError", "RequestError"]],
    ["401 AuthenticationError", () => http(401), ["AuthError", "RequestError"]],
    ["403 PermissionDeniedError", () => http(403), ["AuthError", "RequestError"]],
    ["404 NotFoundError", () => http(404), ["BusinessError", "RequestError"]],
    ["408 APIError", () => http(408), ["BusinessError", "RequestError"]],
    ["409 ConflictError", () => http(409), ["BusinessError", "RequestError"]],
    ["422 FastAPI", () => http(422, fastApi422), ["ValidationError", "RequestError"]],
    ["422 string detail", () => http(422), ["ValidationError", "RequestError"]],
    ["428 StepUpRequiredError", () => http(428), ["BusinessError", "RequestError"]],
    ["429 RateLimitError", () => http(429), ["BusinessError", "RequestError"]],
    ["500 InternalServerError", () => http(500), ["ServerError", "RequestError"]],
    ["502 InternalServerError", () => http(502), ["ServerError", "RequestError"]],
    ["503 ServiceUnavailableError", () => http(503), ["ServerError", "RequestError"]],
    [
      "404 ERR-03-001",
      () => http(404, coded("ERR-03-001")),
      ["BusinessError", "ResourceError", "RequestError"],
    ],
    // A structured error is a ResourceError whatever its status, as in the official SDK.
    [
      "401 with a code",
      () => http(401, coded("ERR-05-001")),
      ["BusinessError", "ResourceError", "RequestError"],
    ],
    [
      "422 with a code",
      () => http(422, coded("ERR-02-008")),
      ["BusinessError", "ResourceError", "RequestError"],
    ],
    [
      "466 ERR-01-006",
      () => http(466, coded("ERR-01-006")),
      ["BusinessError", "ResourceError", "RequestError"],
    ],
    [
      "500 with a code",
      () => http(500, coded("ERR-02-002")),
      ["BusinessError", "ResourceError", "RequestError"],
    ],
    // A code without a message is not the official SDK's structured error.
    [
      "409 code, no message",
      () => http(409, { detail: { error_code: "ERR-01-004" } }),
      ["BusinessError", "RequestError"],
    ],
    [
      "409 code, empty message",
      () => http(409, { detail: { error_code: "ERR-01-004", message: "" } }),
      ["BusinessError", "RequestError"],
    ],
    ["APIConnectionError", () => new APIConnectionError("reset"), ["UnknownError", "RequestError"]],
    [
      "APIConnectionTimeoutError",
      () => new APIConnectionTimeoutError("timed out", { timeout: 5 }),
      ["UnknownError", "RequestError"],
    ],
    ["APIUserAbortError", () => new APIUserAbortError("aborted"), ["UnknownError"]],
    [
      "RequestValidationError",
      () => new RequestValidationError({ issues: [{ path: "id", message: "required" }] }),
      ["UnknownError"],
    ],
    [
      "ResponseValidationError",
      () => new ResponseValidationError({ issues: [{ path: "", message: "bad" }] }),
      ["UnknownError"],
    ],
    ["ResponseTooLargeError", () => new ResponseTooLargeError({ limit: 10 }), ["UnknownError"]],
    [
      "UnsupportedApiVersionError",
      () => new UnsupportedApiVersionError("1999", ["2026-01-21"]),
      ["UnknownError"],
    ],
    ["PhalaCloudError", () => new PhalaCloudError("m"), ["UnknownError"]],
  ])("%s -> %j", (_label, make, expected) => {
    expect(matches(make())).toEqual(expected);
  });

  it.each([
    ["a plain Error", new Error("x")],
    ["a TypeError", new TypeError("x")],
    ["null", null],
    ["undefined", undefined],
    ["a string", "AuthError"],
    ["a look-alike object", { name: "AuthenticationError", status: 401, message: "x" }],
  ])("%s is none of them", (_label, value) => {
    expect(matches(value)).toEqual([]);
  });

  it("every PhalaCloudError is exactly one of the five categories", async () => {
    const errors: unknown[] = [
      ...[400, 401, 403, 404, 408, 409, 418, 422, 428, 429, 466, 500, 503].map((s) => http(s)),
      http(422, fastApi422),
      http(404, coded("ERR-03-001")),
      new APIConnectionError("x"),
      new APIUserAbortError("x"),
      new CvmStateWatchError({ event: { error: "stream_failed", message: "closed" } as never }),
      await errorFor({ status: 401, body: { detail: "Invalid API key" } }),
    ];
    for (const error of errors) {
      const categories = matches(error).filter(
        (n) => n !== "RequestError" && n !== "ResourceError",
      );
      expect(categories, String(error)).toHaveLength(1);
    }
  });

  it("AuthError holds for AuthenticationError and PermissionDeniedError, which keep holding", () => {
    const unauthorized = http(401);
    const forbidden = http(403);
    expect(unauthorized).toBeInstanceOf(AuthError);
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect(unauthorized).toBeInstanceOf(APIError);
    expect(unauthorized).toBeInstanceOf(PhalaCloudError);
    expect(forbidden).toBeInstanceOf(AuthError);
    expect(forbidden).toBeInstanceOf(PermissionDeniedError);
    expect(forbidden).not.toBeInstanceOf(AuthenticationError);
    expect(unauthorized.name).toBe("AuthenticationError");
  });

  it("the other direction: a documented class is none of the classes it does not cover", () => {
    expect(http(404)).not.toBeInstanceOf(AuthError);
    expect(http(404)).toBeInstanceOf(NotFoundError);
    expect(http(401)).not.toBeInstanceOf(BusinessError);
    expect(http(401)).not.toBeInstanceOf(ResourceError);
    expect(http(422, fastApi422)).not.toBeInstanceOf(BusinessError);
    expect(http(500)).not.toBeInstanceOf(BusinessError);
    expect(http(500)).toBeInstanceOf(InternalServerError);
    expect(http(400)).not.toBeInstanceOf(ServerError);
    expect(http(400)).not.toBeInstanceOf(ResourceError);
    expect(http(400)).not.toBeInstanceOf(UnknownError);
    expect(new APIConnectionError("x")).not.toBeInstanceOf(ServerError);
    // Our own classes still answer only for what they are.
    expect(http(409)).toBeInstanceOf(ConflictError);
    expect(http(409)).not.toBeInstanceOf(BadRequestError);
    expect(http(429)).toBeInstanceOf(RateLimitError);
    expect(http(428)).toBeInstanceOf(StepUpRequiredError);
    expect(http(466, coded("ERR-01-006"))).toBeInstanceOf(ComposeHashInvalidError);
    expect(http(503)).toBeInstanceOf(ServiceUnavailableError);
  });

  it("ResourceError is a BusinessError: every ResourceError, not every BusinessError", () => {
    const resource = http(409, coded("ERR-03-007"));
    expect(resource).toBeInstanceOf(ResourceError);
    expect(resource).toBeInstanceOf(BusinessError);
    expect(resource).toBeInstanceOf(ConflictError);
    expect(http(409)).toBeInstanceOf(BusinessError);
    expect(http(409)).not.toBeInstanceOf(ResourceError);
    expect(Object.getPrototypeOf(ResourceError)).toBe(BusinessError);
  });

  it("ResourceError's documented fields are the error's own", () => {
    const error = http(
      404,
      coded("ERR-03-001", {
        details: [{ field: "id", value: "cvm_42", message: "No CVM cvm_42" }],
        suggestions: ["List your CVMs"],
        links: [{ url: "https://docs.phala.com/errors", label: "Errors" }],
      }),
    );
    if (!(error instanceof ResourceError)) throw new Error("expected a ResourceError");
    expect(error.errorCode).toBe("ERR-03-001");
    expect(error.suggestions).toEqual(["List your CVMs"]);
    expect(error.links).toEqual([{ url: "https://docs.phala.com/errors", label: "Errors" }]);
    // The docs' `structuredDetails`: `detail.details`.
    expect(error.structuredDetails).toEqual([
      { field: "id", value: "cvm_42", message: "No CVM cvm_42" },
    ]);
    expect(error.structuredDetails).toBe(error.detail.details);
    // Not enumerable: a spread or JSON of the error does not repeat the details.
    expect(Object.keys(error)).not.toContain("structuredDetails");
  });

  it("structuredDetails is empty without a structured error; statusText is the response's", async () => {
    const fetch = async () =>
      new Response(JSON.stringify({ detail: "Forbidden" }), {
        status: 403,
        statusText: "Forbidden",
        headers: { "content-type": "application/json" },
      });
    const client = createBaseClient({ apiKey: "k", baseURL: "http://127.0.0.1:9/api/v1", fetch });
    const error = await getCurrentUser(client).catch((e: unknown) => e);
    if (!(error instanceof AuthError)) throw new Error("expected an AuthError");
    expect(error.statusText).toBe("Forbidden");
    expect(error.structuredDetails).toEqual([]);
    expect(error.toJSON().statusText).toBe("Forbidden");
  });

  it("answers for errors a request creates, thrown or in a safe result", async () => {
    expect(await errorFor({ status: 401, body: { detail: "Invalid API key" } })).toBeInstanceOf(
      AuthError,
    );
    expect(await errorFor({ status: 403, body: { detail: "Forbidden" } })).toBeInstanceOf(
      AuthError,
    );
    expect(await errorFor({ status: 404, body: coded("ERR-03-001") })).toBeInstanceOf(
      ResourceError,
    );
    expect(await errorFor({ status: 500, raw: "<html>oops</html>" })).toBeInstanceOf(ServerError);

    // The docs' safe example: `result.error instanceof ValidationError`, then its fields.
    const result = await safeGetCvmInfo(clientAnswering({ status: 422, body: fastApi422 }), {
      id: "cvm_42",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    if (!(result.error instanceof ValidationError)) return;
    expect(result.error.validationErrors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      "name: String should have at least 4 characters",
      "resources.memory: Input should be greater than or equal to 1024",
    ]);
  });

  it("a failed connection is an UnknownError and a RequestError", async () => {
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: () => Promise.reject(new Error("ECONNRESET")),
      maxRetries: 0,
    });
    const result = await safeGetCvmInfo(client, { id: "cvm_42" });
    expect(result.error).toBeInstanceOf(APIConnectionError);
    expect(result.error).toBeInstanceOf(UnknownError);
    expect(result.error).toBeInstanceOf(RequestError);
  });

  it("the docs' instanceof chain picks the branch of each error", () => {
    const branch = (error: unknown) => {
      if (error instanceof ResourceError) return `resource ${error.errorCode}`;
      if (error instanceof ValidationError) return `validation ${error.validationErrors.length}`;
      if (error instanceof AuthError) return "auth";
      if (error instanceof BusinessError) return "business";
      if (error instanceof ServerError) return "server";
      return "other";
    };
    expect(branch(http(404, coded("ERR-03-001")))).toBe("resource ERR-03-001");
    expect(branch(http(422, fastApi422))).toBe("validation 2");
    expect(branch(http(403))).toBe("auth");
    expect(branch(http(409))).toBe("business");
    expect(branch(http(502))).toBe("server");
    expect(branch(new APIConnectionError("x"))).toBe("other");
  });

  it("the is* functions (the docs' flags) agree with instanceof", () => {
    const values = [
      http(401),
      http(404),
      http(404, coded("ERR-03-001")),
      http(422, fastApi422),
      http(500),
      new APIConnectionError("x"),
      new APIUserAbortError("x"),
      new Error("x"),
      undefined,
    ];
    for (const value of values) {
      expect(isValidationError(value)).toBe(value instanceof ValidationError);
      expect(isAuthError(value)).toBe(value instanceof AuthError);
      expect(isBusinessError(value)).toBe(value instanceof BusinessError);
      expect(isResourceError(value)).toBe(value instanceof ResourceError);
      expect(isServerError(value)).toBe(value instanceof ServerError);
      expect(isUnknownError(value)).toBe(value instanceof UnknownError);
      expect(isRequestError(value)).toBe(value instanceof RequestError);
    }
    expect(isAuthError(http(403))).toBe(true);
    expect(isUnknownError(new APIUserAbortError("x"))).toBe(true);
  });

  it("adds nothing to the errors or their classes", () => {
    const error = http(401);
    expect(Object.keys(error)).not.toContain("isAuthError");
    expect("isAuthError" in error).toBe(false);
    for (const cls of [PhalaCloudError, APIError, AuthenticationError, UnprocessableEntityError]) {
      expect(Object.hasOwn(cls, Symbol.hasInstance)).toBe(false);
    }
    // Stays what errors.ts made.
    expect(Object.getPrototypeOf(error)).toBe(AuthenticationError.prototype);
  });

  it("is exported from the package root", () => {
    for (const name of [
      "ValidationError",
      "AuthError",
      "BusinessError",
      "ResourceError",
      "ServerError",
      "UnknownError",
      "RequestError",
      "isValidationError",
      "isAuthError",
      "isBusinessError",
      "isResourceError",
      "isServerError",
      "isUnknownError",
      "isRequestError",
      "formatValidationErrors",
      "formatErrorMessage",
      "formatStructuredError",
    ]) {
      expect(core, name).toHaveProperty(name);
    }
    expect(core.AuthError).toBe(AuthError);
  });
});

describe("formatValidationErrors", () => {
  const items = [
    {
      field: "name",
      message: "String should have at least 4 characters",
      type: "string_too_short",
    },
    { field: "memory", message: "Input should be greater than or equal to 1024", type: "ge" },
  ];

  it("numbers, indents by 2 and shows fields by default (the docs' output)", () => {
    expect(formatValidationErrors(items)).toBe(
      [
        "  1. name: String should have at least 4 characters",
        "  2. memory: Input should be greater than or equal to 1024",
      ].join("\n"),
    );
    expect(formatValidationErrors(items, { numbered: true, indent: 2, showFields: true })).toBe(
      formatValidationErrors(items),
    );
  });

  it("bullets, another indent, no fields", () => {
    expect(formatValidationErrors(items, { numbered: false, indent: 0, showFields: false })).toBe(
      "• String should have at least 4 characters\n• Input should be greater than or equal to 1024",
    );
    expect(formatValidationErrors(items.slice(0, 1), { indent: 4 })).toBe(
      "    1. name: String should have at least 4 characters",
    );
  });

  it("reads UnprocessableEntityError.validationErrors; an error of no field has no prefix", () => {
    const error = http(422, {
      detail: [...fastApi422.detail, { loc: ["body"], msg: "Field required", type: "missing" }],
    }) as UnprocessableEntityError;
    expect(formatValidationErrors(error.validationErrors)).toBe(
      [
        "  1. name: String should have at least 4 characters",
        "  2. resources.memory: Input should be greater than or equal to 1024",
        "  3. Field required",
      ].join("\n"),
    );
    expect(formatValidationErrors([])).toBe("");
  });
});

describe("formatErrorMessage", () => {
  it("a validation error: message, blank line, the list", () => {
    const error = http(422, fastApi422);
    expect(formatErrorMessage(error)).toBe(
      [
        error.message,
        "",
        "  1. name: String should have at least 4 characters",
        "  2. resources.memory: Input should be greater than or equal to 1024",
      ].join("\n"),
    );
    expect(formatErrorMessage(error, { showFields: false })).toBe(
      [
        error.message,
        "",
        "  1. String should have at least 4 characters",
        "  2. Input should be greater than or equal to 1024",
      ].join("\n"),
    );
  });

  it("other errors: the message; showType puts the class name first", () => {
    const error = http(404, { detail: "CVM not found" });
    expect(formatErrorMessage(error)).toBe(error.message);
    expect(formatErrorMessage(error, { showType: true })).toBe(`[NOTFOUNDERROR]\n${error.message}`);
    const network = new APIConnectionError("ECONNRESET");
    expect(formatErrorMessage(network, { showType: true })).toBe(
      "[APICONNECTIONERROR]\nECONNRESET",
    );
    // A 422 without items has nothing to list.
    expect(formatErrorMessage(http(422))).toBe(http(422).message);
  });
});

describe("formatStructuredError", () => {
  const structured = () =>
    createAPIError({
      status: 400,
      headers: new Headers({ "x-request-id": "req_1" }),
      body: {
        detail: {
          error_code: "ERR-02-001",
          message: "The requested instance type does not exist",
          details: [
            {
              field: "instance_type",
              value: "invalid",
              message: "Instance type 'invalid' is not recognized",
            },
            { field: "vcpu", value: 3 },
            { field: "extra", value: { a: 1 } },
            { field: "ignored" },
          ],
          suggestions: ["Use a valid instance type: tdx.small, tdx.medium, or tdx.large"],
          links: [
            { url: "https://cloud.phala.com/instances", label: "View available instance types" },
            { url: "https://cloud.phala.com/support" },
          ],
        },
      },
    });

  it("code, request id, details, suggestions, links (the docs' output)", () => {
    expect(formatStructuredError(structured())).toBe(
      [
        "Error [ERR-02-001]: The requested instance type does not exist",
        "Request ID: req_1",
        "",
        "Details:",
        "  - Instance type 'invalid' is not recognized",
        "  - vcpu: 3",
        '  - extra: {"a":1}',
        "",
        "Suggestions:",
        "  - Use a valid instance type: tdx.small, tdx.medium, or tdx.large",
        "",
        "Learn more:",
        "  - View available instance types: https://cloud.phala.com/instances",
        "  - https://cloud.phala.com/support",
      ].join("\n"),
    );
  });

  it("showErrorCode, showSuggestions and showLinks false", () => {
    expect(
      formatStructuredError(structured(), {
        showErrorCode: false,
        showSuggestions: false,
        showLinks: false,
      }),
    ).toBe(
      [
        "The requested instance type does not exist",
        "Request ID: req_1",
        "",
        "Details:",
        "  - Instance type 'invalid' is not recognized",
        "  - vcpu: 3",
        '  - extra: {"a":1}',
      ].join("\n"),
    );
  });

  it("an error with no structure: its message, and no empty sections", () => {
    const error = http(404, { detail: "CVM not found" });
    expect(formatStructuredError(error)).toBe(error.message);
    const network = new APIConnectionError("ECONNRESET");
    expect(formatStructuredError(network)).toBe("ECONNRESET");
  });
});
