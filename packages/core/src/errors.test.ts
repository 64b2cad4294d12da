import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getCvmInfo, getCvmList } from "./actions";
import {
  CvmStateWatchError,
  CvmStateWatchTimeoutError,
  MaxRetriesExceededError,
  WatchAbortedError,
} from "./actions/internal/watch-errors";
import { createBaseClient } from "./client";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ComposeHashInvalidError,
  ComposeHashNotAllowedError,
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
  TransactionVerificationError,
  UnprocessableEntityError,
  UnsupportedApiVersionError,
} from "./errors";
import { DotenvParseError, WebhookVerificationError } from "./helpers";
import * as core from "./index";
import {
  OnchainError,
  OnchainEventMissingError,
  OnchainPrerequisiteError,
  OnchainRevertError,
  OnchainTimeoutError,
  ViemNotInstalledError,
} from "./onchain";
import { type FakeReply, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "./test-utils";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Calls getCvmInfo against a fake answering `reply` and returns what it rejects with. */
async function errorFor(reply: FakeReply, version: "2026-01-21" | "2025-10-28" = "2026-01-21") {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    version,
    // Error mapping, not retries: a 429 or 5xx fails at its first answer.
    maxRetries: 0,
  });
  return getCvmInfo(client, { id: "cvm_42" }).then(
    () => {
      throw new Error("expected getCvmInfo to reject");
    },
    (error: unknown) => error as any,
  );
}

describe("HTTP status -> error class", () => {
  it.each([
    [400, BadRequestError, "BadRequestError"],
    [401, AuthenticationError, "AuthenticationError"],
    [403, PermissionDeniedError, "PermissionDeniedError"],
    [404, NotFoundError, "NotFoundError"],
    [409, ConflictError, "ConflictError"],
    [422, UnprocessableEntityError, "UnprocessableEntityError"],
    [428, StepUpRequiredError, "StepUpRequiredError"],
    [429, RateLimitError, "RateLimitError"],
    [466, ComposeHashInvalidError, "ComposeHashInvalidError"],
    [467, TransactionVerificationError, "TransactionVerificationError"],
    [468, ComposeHashNotAllowedError, "ComposeHashNotAllowedError"],
    [500, InternalServerError, "InternalServerError"],
    [502, InternalServerError, "InternalServerError"],
    [503, ServiceUnavailableError, "ServiceUnavailableError"],
    [408, APIError, "APIError"],
    [418, APIError, "APIError"],
  ] as const)("%i -> %s", async (status, errorClass, name) => {
    const body = { detail: `status ${status}` };
    const error = await errorFor({ status, body, headers: { "x-request-id": `req_${status}` } });
    expect(error).toBeInstanceOf(errorClass);
    expect(error.constructor).toBe(errorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.body).toEqual(body);
    expect(error.method).toBe("GET");
    expect(error.path).toBe("/cvms/cvm_42");
    expect(error.apiVersion).toBe("2026-01-21");
    expect(error.endpoint).toBe("getCvmInfo");
    expect(error.requestId).toBe(`req_${status}`);
    expect(error.headers.get("x-request-id")).toBe(`req_${status}`);
    expect(error.message).toContain(String(status));
    expect(error.message).toContain(`status ${status}`);
    expect(error.message).toContain("GET /cvms/cvm_42");
    expect(error.message).toContain("2026-01-21");
  });

  it("a 503 is a ServiceUnavailableError and still an InternalServerError, with its Retry-After", async () => {
    const error = await errorFor({
      status: 503,
      body: { detail: { message: "Node prod5 is under maintenance" } },
      headers: { "retry-after": "120" },
    });
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.retryAfter).toBe(120);
    expect(error.message).toContain("under maintenance");
  });

  it.each([
    [428, StepUpRequiredError, undefined, "Step-up authentication required"],
    [466, ComposeHashInvalidError, "ERR-01-006", "Compose hash is invalid or expired"],
    [467, TransactionVerificationError, "ERR-01-007", "Transaction verification failed"],
    [468, ComposeHashNotAllowedError, "ERR-01-008", "Compose hash is not allowed"],
    [503, ServiceUnavailableError, "ERR-09-001", "Service under maintenance"],
  ] as const)("%i carries the structured body: %s", async (status, errorClass, code, message) => {
    const detail = {
      ...(code ? { error_code: code } : {}),
      message,
      details: [{ field: "compose_hash", value: "ab".repeat(32), message: null }],
      suggestions: ["Repeat the update without hashes"],
      links: [{ url: "https://docs.phala.network/errors", label: "Error reference" }],
      request_id: "req_body",
    };
    const error = await errorFor({ status, body: { detail } });
    expect(error).toBeInstanceOf(errorClass);
    expect(error.errorCode).toBe(code);
    expect(error.detail).toEqual(detail);
    expect(error.suggestions).toEqual(["Repeat the update without hashes"]);
    expect(error.links).toEqual([
      { url: "https://docs.phala.network/errors", label: "Error reference" },
    ]);
    expect(error.requestId).toBe("req_body");
    expect(error.message).toContain(message);
    if (code) expect(error.message).toContain(code);
  });

  it("says which version was sent (2025-10-28)", async () => {
    const error = await errorFor({ status: 404, body: { detail: "nope" } }, "2025-10-28");
    expect(error.apiVersion).toBe("2025-10-28");
    expect(error.message).toContain("API version 2025-10-28");
  });

  it("createAPIError picks the same classes when called directly", () => {
    const make = (status: number) => createAPIError({ status, body: undefined });
    expect(make(400)).toBeInstanceOf(BadRequestError);
    expect(make(401)).toBeInstanceOf(AuthenticationError);
    expect(make(429)).toBeInstanceOf(RateLimitError);
    expect(make(428)).toBeInstanceOf(StepUpRequiredError);
    expect(make(466)).toBeInstanceOf(ComposeHashInvalidError);
    expect(make(467)).toBeInstanceOf(TransactionVerificationError);
    expect(make(468)).toBeInstanceOf(ComposeHashNotAllowedError);
    expect(make(503)).toBeInstanceOf(ServiceUnavailableError);
    expect(make(503)).toBeInstanceOf(InternalServerError);
    expect(make(599)).toBeInstanceOf(InternalServerError);
    expect(make(599).constructor).toBe(InternalServerError);
    expect(make(465).constructor).toBe(APIError);
    expect(make(402).constructor).toBe(APIError);
    expect(make(402).message).toBe("402 status code");
  });
});

describe("error bodies", () => {
  const structured = {
    error_code: "ERR-03-001",
    message: "CVM not found in this workspace",
    details: [{ field: "cvm_id", value: "cvm_42", message: "No such CVM" }],
    suggestions: ["Check the CVM id with getCvmList()", "Switch workspace"],
    links: [{ url: "https://docs.phala.network/errors/ERR-03-001", label: "Error reference" }],
  };

  it("reads a structured error under detail", async () => {
    const error = await errorFor({ status: 404, body: { detail: structured } });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.errorCode).toBe("ERR-03-001");
    expect(error.suggestions).toEqual(structured.suggestions);
    expect(error.links).toEqual(structured.links);
    expect(error.detail).toEqual(structured);
    expect(error.detail.details).toEqual(structured.details);
    expect(error.message).toContain("ERR-03-001");
    expect(error.message).toContain("CVM not found in this workspace");
    expect(error.message.startsWith("404 ERR-03-001: CVM not found in this workspace")).toBe(true);
  });

  it("reads a structured error at the top level, with its request_id", async () => {
    const error = await errorFor({
      status: 409,
      body: { ...structured, request_id: "req_in_body" },
    });
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.errorCode).toBe("ERR-03-001");
    expect(error.suggestions).toEqual(structured.suggestions);
    expect(error.links).toEqual(structured.links);
    expect(error.requestId).toBe("req_in_body");
    expect(error.message).toContain("ERR-03-001");
    expect(error.message).toContain("CVM not found in this workspace");
  });

  it("prefers the x-request-id header over the body's request_id", async () => {
    const error = await errorFor({
      status: 500,
      body: { ...structured, request_id: "req_in_body" },
      headers: { "x-request-id": "req_in_header" },
    });
    expect(error.requestId).toBe("req_in_header");
  });

  it("a structured error with a message but no code", async () => {
    const error = await errorFor({
      status: 403,
      body: { detail: { message: "Not your workspace" } },
    });
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.errorCode).toBeUndefined();
    expect(error.suggestions).toEqual([]);
    expect(error.links).toEqual([]);
    expect(error.message.startsWith("403 Not your workspace")).toBe(true);
  });

  it("turns a FastAPI 422 detail list into validationErrors", async () => {
    const body = {
      detail: [
        {
          loc: ["body", "resources", "memory"],
          msg: "Input should be greater than or equal to 2048",
          type: "greater_than_equal",
          input: 1024,
          ctx: { ge: 2048 },
        },
        {
          loc: ["query", "page_size"],
          msg: "Input should be a valid integer",
          type: "int_parsing",
          input: "ten",
        },
        { loc: ["body", "compose", 0, "image"], msg: "Field required", type: "missing" },
        { loc: ["name"], msg: "String too long", type: "string_too_long" },
      ],
    };
    const error = await errorFor({ status: 422, body });
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.validationErrors).toEqual([
      {
        field: "resources.memory",
        message: "Input should be greater than or equal to 2048",
        type: "greater_than_equal",
        location: "body",
        input: 1024,
      },
      {
        field: "page_size",
        message: "Input should be a valid integer",
        type: "int_parsing",
        location: "query",
        input: "ten",
      },
      { field: "compose.0.image", message: "Field required", type: "missing", location: "body" },
      { field: "name", message: "String too long", type: "string_too_long" },
    ]);
    expect(error.message).toContain("422");
    expect(error.message).toContain(
      "resources.memory: Input should be greater than or equal to 2048",
    );
    expect(error.message).toContain("page_size");
    expect(error.errorCode).toBeUndefined();
  });

  it("a 422 with a structured detail has no field errors", async () => {
    const error = await errorFor({ status: 422, body: { detail: structured } });
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.validationErrors).toEqual([]);
    expect(error.errorCode).toBe("ERR-03-001");
  });

  it("reads { detail: 'text' } as the message", async () => {
    const error = await errorFor({ status: 401, body: { detail: "Invalid API key" } });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message.startsWith("401 Invalid API key")).toBe(true);
    expect(error.errorCode).toBeUndefined();
  });

  it("keeps a non-JSON (HTML) error body as text", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    const error = await errorFor({
      status: 502,
      raw: html,
      headers: { "content-type": "text/html" },
    });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe(html);
    expect(error.message).toContain("502");
  });

  it("keeps a malformed JSON error body as text", async () => {
    const error = await errorFor({
      status: 500,
      raw: '{"detail": "trunc',
      headers: { "content-type": "application/json" },
    });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe('{"detail": "trunc');
  });

  it("an empty error body gives undefined body and a status message", async () => {
    const error = await errorFor({ status: 503, raw: null });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBeUndefined();
    expect(error.message).toContain("503");
  });
});

describe("RateLimitError.retryAfter", () => {
  it("reads Retry-After in seconds", async () => {
    const error = await errorFor({
      status: 429,
      body: { detail: "slow down" },
      headers: { "Retry-After": "7" },
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(7);
  });

  it("reads Retry-After as an HTTP date", async () => {
    const when = new Date(Date.now() + 30_000).toUTCString();
    const error = await errorFor({
      status: 429,
      body: { detail: "slow down" },
      headers: { "retry-after": when },
    });
    expect(error.retryAfter).toBeGreaterThan(25);
    expect(error.retryAfter).toBeLessThanOrEqual(30);
  });

  it("a date in the past gives 0", async () => {
    const error = await errorFor({
      status: 429,
      body: {},
      headers: { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" },
    });
    expect(error.retryAfter).toBe(0);
  });

  it("no or unreadable Retry-After gives undefined", async () => {
    expect((await errorFor({ status: 429, body: {} })).retryAfter).toBeUndefined();
    expect(
      (await errorFor({ status: 429, body: {}, headers: { "retry-after": "soon" } })).retryAfter,
    ).toBeUndefined();
  });
});

describe("error names survive minification", () => {
  const opts = { status: 400, body: undefined };
  const issues = { issues: [{ path: "a", message: "b" }] };
  const instances: Array<[Error, string]> = [
    [new PhalaCloudError("m"), "PhalaCloudError"],
    [new APIError(opts), "APIError"],
    [new BadRequestError(opts), "BadRequestError"],
    [new AuthenticationError({ ...opts, status: 401 }), "AuthenticationError"],
    [new PermissionDeniedError({ ...opts, status: 403 }), "PermissionDeniedError"],
    [new NotFoundError({ ...opts, status: 404 }), "NotFoundError"],
    [new ConflictError({ ...opts, status: 409 }), "ConflictError"],
    [new UnprocessableEntityError({ ...opts, status: 422 }), "UnprocessableEntityError"],
    [new StepUpRequiredError({ ...opts, status: 428 }), "StepUpRequiredError"],
    [new RateLimitError({ ...opts, status: 429 }), "RateLimitError"],
    [new ComposeHashInvalidError({ ...opts, status: 466 }), "ComposeHashInvalidError"],
    [new TransactionVerificationError({ ...opts, status: 467 }), "TransactionVerificationError"],
    [new ComposeHashNotAllowedError({ ...opts, status: 468 }), "ComposeHashNotAllowedError"],
    [new InternalServerError({ ...opts, status: 500 }), "InternalServerError"],
    [new ServiceUnavailableError({ ...opts, status: 503 }), "ServiceUnavailableError"],
    [new APIConnectionError("m"), "APIConnectionError"],
    [new APIConnectionTimeoutError("m", { timeout: 5 }), "APIConnectionTimeoutError"],
    [new APIUserAbortError("m"), "APIUserAbortError"],
    [new ResponseValidationError(issues), "ResponseValidationError"],
    [new RequestValidationError(issues), "RequestValidationError"],
    [new ResponseTooLargeError({ limit: 10 }), "ResponseTooLargeError"],
    [new UnsupportedApiVersionError("x", ["2026-01-21"]), "UnsupportedApiVersionError"],
    [
      new CvmStateWatchError({ event: { error: "boom", message: null, elapsed: null } }),
      "CvmStateWatchError",
    ],
    [
      new CvmStateWatchTimeoutError({
        target: "running",
        elapsed: 5,
        message: "m",
        lastState: undefined,
      }),
      "CvmStateWatchTimeoutError",
    ],
    [
      new MaxRetriesExceededError({
        target: "running",
        elapsed: 5,
        message: "m",
        lastState: undefined,
        attempts: 2,
      }),
      "MaxRetriesExceededError",
    ],
    [new WatchAbortedError("m"), "WatchAbortedError"],
    [new WebhookVerificationError("invalid_signature", "m"), "WebhookVerificationError"],
    [new DotenvParseError([{ line: 1, message: "m" }]), "DotenvParseError"],
    [new ViemNotInstalledError("addComposeHash", undefined, false), "ViemNotInstalledError"],
    [new OnchainError("m", {}), "OnchainError"],
    [new OnchainPrerequisiteError("owner", "m", {}), "OnchainPrerequisiteError"],
    [new OnchainRevertError("m", { reason: "r" }), "OnchainRevertError"],
    [new OnchainEventMissingError("ComposeHashAdded", "m", {}), "OnchainEventMissingError"],
    [new OnchainTimeoutError(5, { transactionHash: "0x1" }), "OnchainTimeoutError"],
  ];

  it.each(instances.map(([error, name]) => [name, error] as const))(
    "new %s(...).name is the literal name",
    (name, error) => {
      expect(error.name).toBe(name);
      expect(String(error).startsWith(`${name}: `)).toBe(true);
    },
  );

  it("the list above covers every error class the package exports", () => {
    // The official docs' categories (error-compat.ts) are never thrown: they
    // answer `instanceof` for the classes above (error-compat.test.ts).
    const categories = [
      "AuthError",
      "BusinessError",
      "RequestError",
      "ResourceError",
      "ServerError",
      "UnknownError",
      "ValidationError",
    ];
    const exported = Object.entries(core)
      .filter(([, value]) => typeof value === "function" && value.prototype instanceof Error)
      .map(([key]) => key)
      .filter((key) => !categories.includes(key))
      .sort();
    const covered = instances.map(([error]) => error.constructor.name).sort();
    expect(covered).toEqual(exported);
    expect(exported).toHaveLength(34);
  });

  it("PhalaCloudError without context adds nothing to the message", () => {
    expect(new PhalaCloudError("plain").message).toBe("plain");
    expect(new PhalaCloudError("with", { endpoint: "getCvmList" }).message).toBe(
      "with (getCvmList)",
    );
  });
});

describe("errors from actions carry the call", () => {
  it("a connection error names the call and version", async () => {
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      version: "2025-10-28",
      fetch: () => Promise.reject(new Error("ECONNRESET")),
    });
    const error = await getCvmList(client, { page: 2 }).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain("GET /cvms/paginated");
    expect(error.message).toContain("API version 2025-10-28");
  });
});
